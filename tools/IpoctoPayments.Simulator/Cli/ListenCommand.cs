using System.CommandLine;
using System.Text.Json;
using IpoctoPayments.Simulator.Core;

namespace IpoctoPayments.Simulator.Cli;

/// <summary>
/// <c>listen --forward-to &lt;url&gt;</c>: registers a listener, so that the simulator sends a signed copy of every
/// webhook to the address, and prints each copy with the receiver's answer, as <c>stripe listen</c> does.
/// </summary>
internal sealed class ListenCommand(HttpClient http, TextWriter output, TextWriter errors)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly Dictionary<string, int> shown = new(StringComparer.Ordinal);

    /// <summary>The listener's id once registered.</summary>
    public string? ListenerId { get; private set; }

    /// <summary>The command line of <c>listen</c>; it runs against the simulator <paramref name="clientFor"/> reaches.</summary>
    public static Command Define(Func<Uri, HttpClient> clientFor)
    {
        var forwardTo = new Option<string>("--forward-to") { Description = "Where each webhook is copied to", HelpName = "url", Required = true };
        var simulator = CliOptions.Simulator();
        var provider = CliOptions.Provider("Whose webhooks to copy", byDefault: ProviderNames.Stripe);
        var events = new Option<string?>("--events") { Description = "Only these event types, comma-separated (all when not given)", HelpName = "a,b" };
        var command = new Command("listen", "Copies every webhook a running simulator sends to a local address and prints each with the receiver's answer, until Ctrl+C, as stripe listen does")
        {
            forwardTo, simulator, provider, events,
        };
        command.SetAction((parse, cancellationToken) =>
            new ListenCommand(clientFor(parse.GetRequiredValue(simulator)), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error).RunAsync(
                parse.GetRequiredValue(forwardTo),
                parse.GetRequiredValue(provider)!,
                parse.GetValue(events)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
                cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(string forwardTo, string provider, IReadOnlyList<string> events, CancellationToken cancellationToken)
    {
        if (!await StartAsync(forwardTo, provider, events, cancellationToken))
        {
            return 1;
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await PollAsync(cancellationToken);
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the listener is removed below.
        }
        finally
        {
            await StopAsync();
        }

        return 0;
    }

    public async Task<bool> StartAsync(string forwardTo, string provider, IReadOnlyList<string> events, CancellationToken cancellationToken)
    {
        var body = new { forwardTo, provider, events };
        if (await ControlCalls.SendAsync(http, HttpMethod.Post, "_simulator/listeners", body, errors, cancellationToken) is not { } listener)
        {
            return false;
        }

        ListenerId = listener.Text("id");
        var signing = listener.Text("secret") is { Length: > 0 } secret
            ? $"Your webhook signing secret is {secret}"
            : "Notifications are signed with the simulator's PayerMax key, as printed at its start";
        await output.WriteLineAsync($"Ready! Forwarding {listener.Text("provider")} webhooks to {listener.Text("forwardTo")}. {signing} (^C to quit)");
        return true;
    }

    /// <summary>Prints what is new since the last poll: a line per webhook sent to the listener, a line per answer.</summary>
    public async Task PollAsync(CancellationToken cancellationToken)
    {
        if (await ControlCalls.SendAsync(http, HttpMethod.Get, $"_simulator/deliveries?listener={ListenerId}", null, errors, cancellationToken) is not { } deliveries)
        {
            return;
        }

        foreach (var delivery in deliveries.EnumerateArray())
        {
            var id = delivery.Text("id");
            var eventLabel = $"{delivery.Text("eventType")} [{delivery.Text("eventId")}]";
            if (!shown.TryGetValue(id, out var printed))
            {
                await output.WriteLineAsync($"{Time(delivery, "createdAt")}   --> {eventLabel}");
                printed = 0;
            }

            var attempts = delivery.GetProperty("attempts").EnumerateArray().ToList();
            foreach (var attempt in attempts.Skip(printed))
            {
                var answer = attempt.TryGetProperty("statusCode", out var status) && status.ValueKind == JsonValueKind.Number
                    ? status.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : $"no answer: {attempt.Text("error")}";
                await output.WriteLineAsync($"{Time(attempt, "at")}  <--  [{answer}] POST {delivery.Text("url")} {eventLabel}");
            }

            shown[id] = attempts.Count;
        }
    }

    public async Task StopAsync()
    {
        if (ListenerId is not null)
        {
            await ControlCalls.SendAsync(http, HttpMethod.Delete, $"_simulator/listeners/{ListenerId}", null, errors, CancellationToken.None);
            ListenerId = null;
        }
    }

    private static string Time(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetDateTimeOffset(out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
            : "";
}
