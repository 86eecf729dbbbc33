namespace IpoctoPayments.Bench.Tests;

public sealed class BenchOptionsTests
{
    [Fact]
    public async Task Without_options_the_bench_runs_every_scenario_on_sqlite_with_the_documented_load()
    {
        var (exit, options, _, _) = await RunAsync();

        Assert.Equal(0, exit);
        Assert.Equal(new BenchOptions(), options);
        Assert.Equal((Scenario.All, BenchDatabase.Sqlite, 20, 10, 16, 40000, 1000, 0, 1),
            (options!.Scenario, options.Database, options.Duration.TotalSeconds, options.Warmup.TotalSeconds, options.Concurrency, options.Orders, options.Accounts, options.DebitsPer10, options.Instances));
    }

    [Fact]
    public async Task The_ci_hot_account_run_parses_to_what_it_says()
    {
        var (exit, options, _, _) = await RunAsync(
            "--postgres", "Host=db", "--scenario", "webhooks", "--accounts", "1", "--debits-per-10", "1", "--duration", "3", "--warmup", "1",
            "--concurrency", "8", "--orders", "3000", "--instances", "2", "--json", "hot-account.json", "--api", "Api.dll");

        Assert.Equal(0, exit);
        Assert.Equal(
            new BenchOptions
            {
                Scenario = Scenario.Webhooks, Database = BenchDatabase.Postgres, Postgres = "Host=db", Accounts = 1, DebitsPer10 = 1,
                Duration = TimeSpan.FromSeconds(3), Warmup = TimeSpan.FromSeconds(1), Concurrency = 8, Orders = 3000, Instances = 2,
                JsonPath = "hot-account.json", ApiAssembly = "Api.dll",
            },
            options);
    }

    [Theory]
    [InlineData("Postgres", "--postgres", "Host=db")]
    [InlineData("Sqlite", "--postgres", "Host=db", "--database", "SQLite")]
    [InlineData("Postgres", "--database", "postgres", "--postgres", "Host=db")]
    public async Task A_postgres_server_picks_postgres_unless_the_database_is_named(string expected, params string[] args)
    {
        var (exit, options, _, _) = await RunAsync(args);

        Assert.Equal(0, exit);
        Assert.Equal(Enum.Parse<BenchDatabase>(expected), options!.Database);
    }

    [Theory]
    [InlineData("--database postgres needs --postgres \"<connection string>\".", "--database", "postgres")]
    [InlineData("--database oracle is not sqlite or postgres.", "--database", "oracle")]
    [InlineData("--scenario refunds is not webhooks, create or all.", "--scenario", "refunds")]
    [InlineData("--duration takes a positive whole number.", "--duration", "0")]
    [InlineData("--orders takes a positive whole number.", "--orders", "1e3")]
    [InlineData("--warmup takes a whole number, 0 or more.", "--warmup", "-1")]
    [InlineData("--debits-per-10 takes a whole number from 0 to 9.", "--debits-per-10", "10")]
    [InlineData("Required argument missing for option: '--accounts'.", "--accounts")]
    [InlineData("Unrecognized command or argument '--colour'.", "--colour", "red")]
    public async Task A_bad_option_is_named_in_the_error_with_the_help_and_nothing_runs(string error, params string[] args)
    {
        var (exit, options, output, errors) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Null(options);
        Assert.Contains(error, errors.Split(Environment.NewLine));
        Assert.Contains("Usage:", errors, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Help_lists_every_option_with_its_default_and_nothing_runs()
    {
        var (exit, options, output, _) = await RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.Null(options);
        string[] lines =
        [
            "--scenario <webhooks|create|all>", "--database <sqlite|postgres>", "--postgres <connection string>", "--duration <n> .* \\[default: 20\\]",
            "--warmup <n> .* \\[default: 10\\]", "--concurrency <n> .* \\[default: 16\\]", "--orders <n> .* \\[default: 40000\\]",
            "--accounts <n> .* \\[default: 1000\\]", "--debits-per-10 <n> .* \\[default: 0\\]", "--instances <n> .* \\[default: 1\\]",
            "--json <file>", "--api <IpoctoPayments.Api.dll>",
        ];
        Assert.All(lines, line => Assert.Matches($"(?m)^  {line}", output));
    }

    [Theory]
    [InlineData("--scenario ", "all", "create", "webhooks")]
    [InlineData("--database ", "postgres", "sqlite")]
    [InlineData("--deb", "--debits-per-10")]
    public async Task The_suggest_directive_completes_options_and_their_values(string typed, params string[] completions)
    {
        var (exit, _, output, _) = await RunAsync($"[suggest:{typed.Length}]", typed);

        Assert.Equal(0, exit);
        Assert.Equal(completions, output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    private static async Task<(int Exit, BenchOptions? Options, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        BenchOptions? given = null;
        var exit = await BenchOptions.RunAsync(args, output, errors, (options, _) =>
        {
            given = options;
            return Task.FromResult(0);
        });
        return (exit, given, output.ToString(), errors.ToString());
    }
}
