namespace IpoctoPayments.Simulator.Cli;

/// <summary>
/// The command line after the command name: positional words and <c>--name value</c> / <c>--name=value</c>
/// options. Small on purpose: the CLI has two commands and a handful of options.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string> options;

    private CliArguments(IReadOnlyList<string> positional, Dictionary<string, string> options)
    {
        Positional = positional;
        this.options = options;
    }

    public IReadOnlyList<string> Positional { get; }

    /// <summary>Parses <paramref name="args"/>; an option not in <paramref name="known"/> or without a value is an error.</summary>
    public static CliArguments Parse(IEnumerable<string> args, IReadOnlyCollection<string> known, out string? error)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        error = null;
        using var words = args.GetEnumerator();
        while (words.MoveNext())
        {
            var word = words.Current;
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(word);
                continue;
            }

            var (name, value) = word.IndexOf('=', StringComparison.Ordinal) is var equals and > 0
                ? (word[2..equals], word[(equals + 1)..])
                : (word[2..], words.MoveNext() ? words.Current : null);
            if (!known.Contains(name))
            {
                error = $"Unknown option --{name}.";
            }
            else if (value is null)
            {
                error = $"--{name} needs a value.";
            }
            else
            {
                options[name] = value;
                continue;
            }

            break;
        }

        return new CliArguments(positional, options);
    }

    public string? this[string name] => options.GetValueOrDefault(name);
}
