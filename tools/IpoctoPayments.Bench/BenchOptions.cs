using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace IpoctoPayments.Bench;

internal enum Scenario
{
    Webhooks,
    Create,
    All,
}

internal enum BenchDatabase
{
    Sqlite,
    Postgres,
}

/// <summary>What the command line asked for (<c>--help</c> lists it): the scenario, the database and the load.</summary>
internal sealed record BenchOptions
{
    public Scenario Scenario { get; init; } = Scenario.All;

    public BenchDatabase Database { get; init; } = BenchDatabase.Sqlite;

    public string? Postgres { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    // Long enough for the API's methods to reach optimised code: a shorter warm-up measures the JIT as much as the service.
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(10);

    public int Concurrency { get; init; } = 16;

    public int Orders { get; init; } = 40000;

    public int Accounts { get; init; } = 1000;

    public int DebitsPer10 { get; init; }

    public int Instances { get; init; } = 1;

    public string? JsonPath { get; init; }

    public string? ApiAssembly { get; init; }

    public bool RunsWebhooks => Scenario is Scenario.Webhooks or Scenario.All;

    public bool RunsCreate => Scenario is Scenario.Create or Scenario.All;

    /// <summary>
    /// Runs the command line: <paramref name="run"/> with the options it gave, or its help, or its errors and help on
    /// <paramref name="errors"/> with exit code 2 (1 is a run that found a problem).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, Func<BenchOptions, CancellationToken, Task<int>> run)
    {
        var parse = Define(run).Parse(args);
        var badCommandLine = parse.Errors.Count > 0;
        var exit = await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = badCommandLine ? errors : output,
            Error = errors,
            // Ctrl+C ends the bench at once, as it always has.
            ProcessTerminationTimeout = null,
        });
        return badCommandLine ? 2 : exit;
    }

    private static RootCommand Define(Func<BenchOptions, CancellationToken, Task<int>> run)
    {
        var defaults = new BenchOptions();
        var scenario = Choice<Scenario>("--scenario", "What to measure", defaults.Scenario);
        var database = Choice<BenchDatabase>("--database", "The API's database (postgres when --postgres is given, else sqlite)", byDefault: null);
        var postgres = new Option<string?>("--postgres")
        {
            Description = "A PostgreSQL server; the bench creates and drops its own databases in it",
            HelpName = "connection string",
        };
        var duration = Number("--duration", "Seconds each scenario and pgbench run", (int)defaults.Duration.TotalSeconds, min: 1);
        var warmup = Number("--warmup", "Seconds of unmeasured load before each scenario", (int)defaults.Warmup.TotalSeconds, min: 0);
        var concurrency = Number("--concurrency", "Requests in flight, and pgbench's client count", defaults.Concurrency, min: 1);
        var orders = Number("--orders", "Orders the webhook scenario pays (enough for 20 s at about 1,500/s); it stops early when they run out", defaults.Orders, min: 1);
        var accounts = Number("--accounts", "Accounts the top-ups, and so the credits, are spread over; 1 is the hot-account run", defaults.Accounts, min: 1);

        // At least one request in ten stays a webhook: the debits spend what the webhooks credit.
        var debitsPer10 = Number("--debits-per-10", "Webhook-scenario requests in ten that are billing debits instead (1 for the hot-account run)", defaults.DebitsPer10, min: 0, max: 9);
        var instances = Number("--instances", "API processes on the one database, after its migrate command has run once; requests go to each in turn", defaults.Instances, min: 1);
        var json = new Option<string?>("--json") { Description = "Also write the figures as JSON to this file", HelpName = "file" };
        var api = new Option<string?>("--api") { Description = "The API build to start (found beside this build by default)", HelpName = "IpoctoPayments.Api.dll" };

        var command = new RootCommand("IpoctoPayments.Bench: load on the API started as its own process, with the provider simulator in this one.")
        {
            scenario, database, postgres, duration, warmup, concurrency, orders, accounts, debitsPer10, instances, json, api,
        };
        command.Validators.Add(result =>
        {
            // Read as typed: a value that did not parse has its own error, and no value to read.
            var named = result.GetResult(database)?.Tokens is [var token] ? token.Value : null;
            if (string.Equals(named, nameof(BenchDatabase.Postgres), StringComparison.OrdinalIgnoreCase) && result.GetResult(postgres) is null)
            {
                result.AddError("--database postgres needs --postgres \"<connection string>\".");
            }
        });
        command.SetAction((parse, cancellationToken) => run(
            new BenchOptions
            {
                Scenario = parse.GetRequiredValue(scenario).GetValueOrDefault(),
                Database = parse.GetValue(database) ?? (parse.GetValue(postgres) is null ? BenchDatabase.Sqlite : BenchDatabase.Postgres),
                Postgres = parse.GetValue(postgres),
                Duration = TimeSpan.FromSeconds(parse.GetValue(duration)),
                Warmup = TimeSpan.FromSeconds(parse.GetValue(warmup)),
                Concurrency = parse.GetValue(concurrency),
                Orders = parse.GetValue(orders),
                Accounts = parse.GetValue(accounts),
                DebitsPer10 = parse.GetValue(debitsPer10),
                Instances = parse.GetValue(instances),
                JsonPath = parse.GetValue(json),
                ApiAssembly = parse.GetValue(api),
            },
            cancellationToken));
        return command;
    }

    /// <summary>One of an enum's values by its name in any case; completion offers each once, in lower case.</summary>
    private static Option<T?> Choice<T>(string name, string description, T? byDefault)
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        var option = new Option<T?>(name)
        {
            Description = description,
            HelpName = string.Join('|', names),
            CustomParser = result =>
            {
                var text = Value(result);
                if (Enum.GetValues<T>().Where(v => string.Equals(v.ToString(), text, StringComparison.OrdinalIgnoreCase)).ToList() is [var value])
                {
                    return value;
                }

                result.AddError($"{name} {text} is not {string.Join(", ", names[..^1])} or {names[^1]}.");
                return null;
            },
        };
        if (byDefault is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        option.CompletionSources.Clear();
        option.CompletionSources.Add(names);
        return option;
    }

    private static Option<int> Number(string name, string description, int byDefault, int min, int max = int.MaxValue) => new(name)
    {
        Description = description,
        HelpName = "n",
        DefaultValueFactory = _ => byDefault,
        CustomParser = result =>
        {
            if (int.TryParse(Value(result), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            result.AddError(max < int.MaxValue ? $"{name} takes a whole number from {min} to {max}."
                : min == 1 ? $"{name} takes a positive whole number."
                : $"{name} takes a whole number, {min} or more.");
            return default;
        },
    };

    /// <summary>The value as typed; empty when the option came without one, which the parser reports on its own.</summary>
    private static string Value(ArgumentResult result) => result.Tokens is [var token] ? token.Value : "";
}
