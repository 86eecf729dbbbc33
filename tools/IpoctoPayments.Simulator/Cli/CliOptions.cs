using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using IpoctoPayments.Simulator.Core;

namespace IpoctoPayments.Simulator.Cli;

/// <summary>The options both commands take, and the value checks that name the option a value was given to.</summary>
internal static class CliOptions
{
    private static readonly string[] Providers = [ProviderNames.Stripe, ProviderNames.PayerMax];

    /// <summary><c>--simulator &lt;url&gt;</c>: the running simulator, an http(s) address.</summary>
    public static Option<Uri> Simulator() => new("--simulator")
    {
        Description = "The running simulator",
        HelpName = "url",
        DefaultValueFactory = _ => new Uri(SimulatorCli.DefaultSimulator + "/"),
        CustomParser = result =>
        {
            var text = Value(result);
            if (Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                return url;
            }

            result.AddError($"--simulator {text} is not an http(s) address.");
            return null;
        },
    };

    /// <summary><c>--provider stripe|payermax</c>, in any case, as the simulator compares it.</summary>
    public static Option<string?> Provider(string description, string? byDefault)
    {
        var option = new Option<string?>("--provider") { Description = description, HelpName = "stripe|payermax" };
        if (byDefault is not null)
        {
            option.DefaultValueFactory = _ => byDefault;
        }

        option.CompletionSources.Add(Providers);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } provider && !Providers.Contains(provider, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"--provider {provider} is not stripe or payermax.");
            }
        });
        return option;
    }

    /// <summary><c>--amount</c>: a whole number of minor units, never negative.</summary>
    public static Option<long?> Amount() => new("--amount")
    {
        Description = "In minor units, e.g. 1500 (15.00 USD)",
        HelpName = "minor units",
        CustomParser = result =>
        {
            if (long.TryParse(Value(result), NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            {
                return minor;
            }

            result.AddError($"--amount {Value(result)} is not a whole number of minor units.");
            return null;
        },
    };

    /// <summary>The value as typed; empty when the option came without one, which the parser reports on its own.</summary>
    private static string Value(ArgumentResult result) => result.Tokens is [var token] ? token.Value : "";
}
