using System.CommandLine;

namespace IpoctoPayments.Simulator.Cli;

/// <summary>
/// The offline counterparts of <c>stripe trigger</c> and <c>stripe listen</c>, run against a simulator already
/// running: <c>trigger</c> makes it create the objects of an event and send the signed webhooks; <c>listen</c>
/// has it copy every webhook to a local address and prints each one with the receiver's answer. Each takes
/// <c>--help</c>; the <c>[suggest]</c> directive answers shell completion (<c>dotnet-suggest</c>).
/// </summary>
internal static class SimulatorCli
{
    public const string DefaultSimulator = Program.DefaultUrl;

    /// <summary>
    /// True when the first argument names a command, asks for help or the version, or is the completion directive;
    /// anything else starts the simulator host, which reads the arguments as ASP.NET Core's (<c>--urls</c>, settings).
    /// </summary>
    public static bool Handles(string[] args) =>
        args is [var first, ..] && (first is "help" || first.StartsWith("[suggest", StringComparison.Ordinal)
            || Define(_ => throw new InvalidOperationException("Only parsed, never run.")).Children
                .Any(symbol => symbol switch
                {
                    Command command => command.Name == first,
                    Option option => option.Name == first || option.Aliases.Contains(first),
                    _ => false,
                }));

    /// <summary>Runs a command; the exit code is 0 on success, 1 when the simulator refused, 2 for a bad command line.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, Func<Uri, HttpClient> clientFor, CancellationToken cancellationToken)
    {
        // "help trigger" is "trigger --help".
        var parse = Define(clientFor).Parse(args is ["help", .. var rest] ? [.. rest, "--help"] : args);
        var badCommandLine = parse.Errors.Count > 0;
        var invocation = new InvocationConfiguration
        {
            Output = badCommandLine ? errors : output,
            Error = errors,
            // Ctrl+C is the caller's: it cancels the token, and listen removes its listener before it returns.
            ProcessTerminationTimeout = null,
        };
        var exit = await parse.InvokeAsync(invocation, cancellationToken);
        return badCommandLine ? 2 : exit;
    }

    private static RootCommand Define(Func<Uri, HttpClient> clientFor) =>
        new($"""
            A stateful Stripe and PayerMax that runs offline.

            Without a command it runs the simulator on {Program.DefaultUrl}; it takes ASP.NET Core's arguments:
            --urls <address> to listen elsewhere, --Simulator:... to set its settings.
            The commands drive a simulator already running.
            """)
        {
            TriggerCommand.Define(clientFor),
            ListenCommand.Define(clientFor),
        };
}
