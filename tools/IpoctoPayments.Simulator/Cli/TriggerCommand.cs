using System.Globalization;

namespace IpoctoPayments.Simulator.Cli;

/// <summary><c>trigger &lt;event-or-scenario&gt;</c>: <c>POST /_simulator/trigger/{name}</c>, then what was made and which webhooks left.</summary>
internal sealed class TriggerCommand(HttpClient http, TextWriter output, TextWriter errors)
{
    public static readonly string[] Options = ["simulator", "provider", "amount", "currency", "country", "delay", "decline-code", "notify-url"];

    public async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Positional.Count == 0)
        {
            return await ListAsync(cancellationToken);
        }

        var name = arguments.Positional[0];
        long? amount = null;
        if (arguments["amount"] is { } amountText)
        {
            if (!long.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            {
                await errors.WriteLineAsync($"--amount {amountText} is not a whole number of minor units.");
                return 2;
            }

            amount = minor;
        }

        var body = new
        {
            amount,
            currency = arguments["currency"],
            country = arguments["country"],
            delay = arguments["delay"],
            declineCode = arguments["decline-code"],
            notifyUrl = arguments["notify-url"],
        };
        var provider = arguments["provider"] is { } p ? $"?provider={Uri.EscapeDataString(p)}" : "";
        var answer = await ControlCalls.SendAsync(http, HttpMethod.Post, $"_simulator/trigger/{Uri.EscapeDataString(name)}{provider}", body, errors, cancellationToken);
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
