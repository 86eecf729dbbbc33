namespace IpoctoPayments.Simulator.Cli;

/// <summary>
/// The offline counterparts of <c>stripe trigger</c> and <c>stripe listen</c>, run against a simulator already
/// running: <c>trigger</c> makes it create the objects of an event and send the signed webhooks; <c>listen</c>
/// has it copy every webhook to a local address and prints each one with the receiver's answer.
/// </summary>
internal static class SimulatorCli
{
    public const string DefaultSimulator = Program.DefaultUrl;

    public const string Usage = """
        Usage:
          IpoctoPayments.Simulator                           run the simulator (--urls, --Simulator:... settings)
          IpoctoPayments.Simulator trigger                   list the events and scenarios a running simulator can trigger
          IpoctoPayments.Simulator trigger <event-or-scenario> [options]
              --provider stripe|payermax   for names both providers know (late-capture, duplicate-delivery); default stripe
              --amount <minor units>       e.g. 1500 (15.00 USD)
              --currency <code>            Stripe currency (default usd)
              --country <code>             PayerMax country (default PH)
              --delay <hh:mm:ss>           late-capture: when the money is captured (default 00:02:00)
              --decline-code <code>        payment_intent.payment_failed / payment.failed
              --notify-url <url>           PayerMax: the order's notifyUrl
          IpoctoPayments.Simulator listen --forward-to <url> [--provider stripe|payermax] [--events a,b]
              copies every webhook to <url> and prints each with the receiver's answer, until Ctrl+C
          Both take --simulator <url> (default http://127.0.0.1:12111).
        """;

    private static readonly string[] Commands = ["trigger", "listen", "help", "--help", "-h"];

    /// <summary>True when the first argument names a command; anything else starts the simulator host.</summary>
    public static bool Handles(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.Ordinal);

    /// <summary>Runs a command; the exit code is 0 on success, 1 when the simulator refused, 2 for a bad command line.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, Func<Uri, HttpClient> clientFor, CancellationToken cancellationToken)
    {
        var command = args[0];
        var rest = args.Skip(1);
        switch (command)
        {
            case "trigger":
                var trigger = CliArguments.Parse(rest, TriggerCommand.Options, out var triggerError);
                return triggerError is null && trigger.Positional.Count <= 1 && Simulator(trigger, errors) is { } triggerSimulator
                    ? await new TriggerCommand(clientFor(triggerSimulator), output, errors).RunAsync(trigger, cancellationToken)
                    : BadCommandLine(errors, triggerError);
            case "listen":
                var listen = CliArguments.Parse(rest, ListenCommand.Options, out var listenError);
                return listenError is null && listen.Positional.Count == 0 && listen["forward-to"] is not null && Simulator(listen, errors) is { } listenSimulator
                    ? await new ListenCommand(clientFor(listenSimulator), output, errors).RunAsync(listen, cancellationToken)
                    : BadCommandLine(errors, listenError ?? "listen needs --forward-to <url>.");
            default:
                await output.WriteLineAsync(Usage);
                return 0;
        }
    }

    private static Uri? Simulator(CliArguments arguments, TextWriter errors)
    {
        var text = arguments["simulator"] ?? DefaultSimulator;
        if (Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        errors.WriteLine($"--simulator {text} is not an http(s) address.");
        return null;
    }

    private static int BadCommandLine(TextWriter errors, string? problem)
    {
        if (problem is not null)
        {
            errors.WriteLine(problem);
        }

        errors.WriteLine(Usage);
        return 2;
    }
}
