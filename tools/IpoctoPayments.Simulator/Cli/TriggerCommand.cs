using System.CommandLine;

namespace IpoctoPayments.Simulator.Cli;

/// <summary><c>trigger &lt;event-or-scenario&gt;</c>: <c>POST /_simulator/trigger/{name}</c>, then what was made and which webhooks left.</summary>
internal sealed class TriggerCommand(HttpClient http, TextWriter output, TextWriter errors)
{
    /// <summary>The command line of <c>trigger</c>; it runs against the simulator <paramref name="clientFor"/> reaches.</summary>
    public static Command Define(Func<Uri, HttpClient> clientFor)
    {
        var name = new Argument<string?>("event-or-scenario")
        {
            Description = "What to make happen, e.g. checkout.session.completed or payment.success; without it, the list of them",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var simulator = CliOptions.Simulator();
        var provider = CliOptions.Provider("For names both providers know (late-capture, duplicate-delivery); stripe when not given", byDefault: null);
        var amount = CliOptions.Amount();
        var currency = new Option<string?>("--currency") { Description = "Stripe currency (default usd)", HelpName = "code" };
        var country = new Option<string?>("--country") { Description = "PayerMax country (default PH)", HelpName = "code" };
        var delay = new Option<string?>("--delay") { Description = "late-capture: when the money is captured (default 00:02:00)", HelpName = "hh:mm:ss" };
        var declineCode = new Option<string?>("--decline-code") { Description = "payment_intent.payment_failed / payment.failed", HelpName = "code" };
        var notifyUrl = new Option<string?>("--notify-url") { Description = "PayerMax: the order's notifyUrl", HelpName = "url" };
        var command = new Command("trigger", "Makes a running simulator create an event's or a scenario's objects and send its signed webhooks, as stripe trigger does")
        {
            name, simulator, provider, amount, currency, country, delay, declineCode, notifyUrl,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var trigger = new TriggerCommand(clientFor(parse.GetRequiredValue(simulator)), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            if (parse.GetValue(name) is not { } named)
            {
                return trigger.ListAsync(cancellationToken);
            }

            var body = new
            {
                amount = parse.GetValue(amount),
                currency = parse.GetValue(currency),
                country = parse.GetValue(country),
                delay = parse.GetValue(delay),
                declineCode = parse.GetValue(declineCode),
                notifyUrl = parse.GetValue(notifyUrl),
            };
            return trigger.RunAsync(named, parse.GetValue(provider), body, cancellationToken);
        });
        return command;
    }

    private async Task<int> RunAsync(string name, string? provider, object body, CancellationToken cancellationToken)
    {
        var query = provider is null ? "" : $"?provider={Uri.EscapeDataString(provider)}";
        var answer = await ControlCalls.SendAsync(http, HttpMethod.Post, $"_simulator/trigger/{Uri.EscapeDataString(name)}{query}", body, errors, cancellationToken);
        if (answer is not { } result)
        {
            return 1;
        }

        var objects = string.Join(", ", result.GetProperty("objects").EnumerateObject().Select(o => $"{o.Name} {o.Value.GetString()}"));
        await output.WriteLineAsync($"Triggered {result.Text("trigger")} ({result.Text("provider")}): {objects}");
        var deliveries = result.GetProperty("deliveries").EnumerateArray().ToList();
        foreach (var delivery in deliveries)
        {
            await output.WriteLineAsync($"  webhook {delivery.Text("eventType")} [{delivery.Text("eventId")}] -> {delivery.Text("url")} ({delivery.Text("status")})");
        }

        if (deliveries.Count == 0)
        {
            await output.WriteLineAsync("  no webhook endpoint is configured: nothing was sent (run listen, or set Simulator:Stripe:WebhookEndpoints / Simulator:PayerMax:NotifyUrl)");
        }

        if (result.Text("note") is { Length: > 0 } note)
        {
            await output.WriteLineAsync($"  {note}");
        }

        return 0;
    }

    private async Task<int> ListAsync(CancellationToken cancellationToken)
    {
        if (await ControlCalls.SendAsync(http, HttpMethod.Get, "_simulator/triggers", null, errors, cancellationToken) is not { } triggers)
        {
            return 1;
        }

        foreach (var trigger in triggers.EnumerateArray())
        {
            await output.WriteLineAsync($"{trigger.Text("provider"),-9} {trigger.Text("name"),-42} {trigger.Text("description")}");
        }

        return 0;
    }
}
