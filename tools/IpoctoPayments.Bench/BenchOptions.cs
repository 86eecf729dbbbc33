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

/// <summary>The command line: <c>--scenario webhooks|create|all --database sqlite|postgres --postgres "…" --duration 20 --concurrency 16 --orders 40000 --accounts 1000 --debits-per-10 0 --instances 1 --json file</c>.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        IpoctoPayments.Bench — load on the API started as its own process, with the provider simulator in this one.

          --scenario webhooks|create|all   what to measure (all)
          --database sqlite|postgres       the API's database (postgres when --postgres is given, else sqlite)
          --postgres "<conn string>"       a PostgreSQL server; the bench creates and drops its own databases in it
          --duration <seconds>             how long each scenario and pgbench run (20)
          --concurrency <n>                requests in flight, and pgbench's client count (16)
          --orders <n>                     orders the webhook scenario pays (40000, enough for 20 s at about 1,500/s); it stops early when they run out
          --accounts <n>                   accounts the top-ups, and so the credits, are spread over (1000); 1 is the hot-account run
          --debits-per-10 <k>              webhook-scenario requests in ten that are billing debits instead (0; 1 for the hot-account run)
          --warmup <seconds>               unmeasured load before each scenario (10)
          --instances <n>                  API processes on the one database, after its migrate command has run once; requests go to each in turn (1)
          --json <file>                    also write the figures as JSON
          --api <IpoctoPayments.Api.dll>   the API build to start (found beside this build by default)
        """;

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

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        var databaseGiven = false;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            int Number() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{name} takes a positive whole number.");

            // At least one request in ten stays a webhook: the debits spend what the webhooks credit.
            int Tenths() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 10
                ? n
                : throw new ArgumentException($"{name} takes a whole number from 0 to 9.");
            databaseGiven |= name == "--database";
            options = name switch
            {
                "--scenario" => options with { Scenario = Enum.Parse<Scenario>(Value(), ignoreCase: true) },
                "--database" => options with { Database = Enum.Parse<BenchDatabase>(Value(), ignoreCase: true) },
                "--postgres" => options with { Postgres = Value() },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Number()) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture)) },
                "--concurrency" => options with { Concurrency = Number() },
                "--orders" => options with { Orders = Number() },
                "--accounts" => options with { Accounts = Number() },
                "--debits-per-10" => options with { DebitsPer10 = Tenths() },
                "--instances" => options with { Instances = Number() },
                "--json" => options with { JsonPath = Value() },
                "--api" => options with { ApiAssembly = Value() },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        if (!databaseGiven && options.Postgres is not null)
        {
            options = options with { Database = BenchDatabase.Postgres };
        }

        if (options.Database == BenchDatabase.Postgres && options.Postgres is null)
        {
            throw new ArgumentException("--database postgres needs --postgres \"<connection string>\".");
        }

        return options;
    }
}
