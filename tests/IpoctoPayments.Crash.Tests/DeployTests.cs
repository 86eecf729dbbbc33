using System.Text.RegularExpressions;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Infrastructure.Persistence.PostgreSql;
using IpoctoPayments.Infrastructure.Persistence.Sqlite;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace IpoctoPayments.Crash.Tests;

/// <summary>
/// How the schema reaches a database in a deploy: the <c>migrate</c> command run once before the instances start, or
/// instances that migrate as they start, several at once. The API's own build, as separate processes.
/// </summary>
public sealed partial class DeployTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Two_instances_started_at_once_on_a_database_not_yet_created_both_serve_and_each_migration_is_applied_once(DatabaseProvider provider)
    {
        await using var database = TestDatabase.NotYetCreated(provider);
        await using var simulator = await LoopbackSimulator.StartAsync();
        var settings = ApiProcess.Settings(database, simulator);
        settings["Database:MigrateOnStart"] = "true";
        // EF Core then logs each migration an instance applies.
        settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations"] = "Information";

        var starting = new[] { ApiProcess.StartAsync(settings), ApiProcess.StartAsync(settings) };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(s => s.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }

        await using var first = starting[0].Result;
        await using var second = starting[1].Result;

        // Each serves the schema: a customer opens a top-up on one and follows it, and reads the balance, on the other.
        using var firstConsole = Console(first);
        var topUp = await firstConsole.CreateTopUpAsync(TopUpRequest.StripeCard("12.34"));
        using var secondConsole = Console(second);
        Assert.Equal("awaiting_payment", (await secondConsole.TopUpAsync(topUp.Id())).Status());
        Assert.Equal("0.00", await secondConsole.BalanceAsync());

        var applied = new[] { first, second }.Select(api => Applying().Matches(api.Output).Select(m => m.Groups[1].Value).ToList()).ToList();
        output.WriteLine($"{provider}: the first instance applied [{string.Join(", ", applied[0])}], the second [{string.Join(", ", applied[1])}]");
        await using var context = Context(database);
        var migrations = context.Database.GetMigrations().ToList();
        Assert.Equal(migrations, await context.Database.GetAppliedMigrationsAsync());
        Assert.Equal(migrations, applied.SelectMany(ids => ids).Order(StringComparer.Ordinal));
        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal(["wal"], await context.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").ToListAsync());
        }
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task The_migrate_command_applies_every_migration_then_finds_the_schema_current_and_an_instance_that_does_not_migrate_serves(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var context = Context(database);
        var migrations = context.Database.GetMigrations().ToList();

        // The deploy step holds the database's settings and nothing else: no signing key, no provider keys.
        var migrate = await ApiProcess.RunToExitAsync(ApiProcess.DatabaseSettings(database), "migrate");
        output.WriteLine(migrate.Output);
        Assert.True(migrate.ExitCode == 0, $"migrate exited with {migrate.ExitCode}: {migrate.Error}");
        Assert.Equal(migrations, Listed(migrate.Output));
        Assert.Equal(migrations, await context.Database.GetAppliedMigrationsAsync());

        var again = await ApiProcess.RunToExitAsync(ApiProcess.DatabaseSettings(database), "migrate");
        output.WriteLine(again.Output);
        Assert.True(again.ExitCode == 0, $"migrate exited with {again.ExitCode}: {again.Error}");
        Assert.Contains("already up to date, no migration applied", again.Output, StringComparison.Ordinal);
        Assert.Empty(Listed(again.Output));
        Assert.Equal(migrations, await context.Database.GetAppliedMigrationsAsync());

        await using var simulator = await LoopbackSimulator.StartAsync();
        var settings = ApiProcess.Settings(database, simulator);
        settings["Database:MigrateOnStart"] = "false";
        await using var api = await ApiProcess.StartAsync(settings);
        using var console = Console(api);
        var topUp = await console.CreateTopUpAsync(TopUpRequest.PayerMaxGcash());
        Assert.Equal("awaiting_payment", (await console.TopUpAsync(topUp.Id())).Status());
        Assert.Equal("0.00", await console.BalanceAsync());
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task An_instance_that_may_not_migrate_refuses_to_start_on_an_empty_database_and_names_the_migrate_command(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var simulator = await LoopbackSimulator.StartAsync();
        var settings = ApiProcess.Settings(database, simulator);
        settings["Database:MigrateOnStart"] = "false";

        var start = await ApiProcess.RunToExitAsync(settings);
        output.WriteLine(start.Error);

        await using var context = Context(database);
        Assert.NotEqual(0, start.ExitCode);
        Assert.DoesNotContain("Now listening on", start.Output, StringComparison.Ordinal);
        Assert.Contains("Database:MigrateOnStart is false", start.Error, StringComparison.Ordinal);
        Assert.Contains("dotnet IpoctoPayments.Api.dll migrate", start.Error, StringComparison.Ordinal);
        Assert.All(context.Database.GetMigrations(), id => Assert.Contains(id, start.Error, StringComparison.Ordinal));
        Assert.Empty(await context.Database.GetAppliedMigrationsAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Port=1;Database=ipocto;Username=ipocto;Password=ipocto;Timeout=2", "Failed to connect to 127.0.0.1:1")]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=/nonexistent-ipocto-folder/payments.db", "unable to open database file")]
    public async Task The_migrate_command_exits_with_an_error_that_says_why_when_the_database_cannot_be_reached(DatabaseProvider provider, string connectionString, string reason)
    {
        await using var database = TestDatabase.External(provider, connectionString);

        var migrate = await ApiProcess.RunToExitAsync(ApiProcess.DatabaseSettings(database), "migrate");

        Assert.Equal(1, migrate.ExitCode);
        Assert.Contains(reason, migrate.Error.Split('\n').Single(line => line.StartsWith("Migration failed: ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Empty(Listed(migrate.Output));
    }

    private static PaymentsApiClient Console(ApiProcess api) => new(api.BaseAddress, TestTokens.For("acc-deploy", "payments:account"));

    /// <summary>The schema as EF Core reads it: the build's migrations, and those the history table records.</summary>
    private static PaymentsDbContext Context(TestDatabase database) => database.Provider == DatabaseProvider.PostgreSql
        ? new PostgreSqlPaymentsDbContext(new DbContextOptionsBuilder<PostgreSqlPaymentsDbContext>().UseNpgsql(database.ConnectionString).Options)
        : new SqlitePaymentsDbContext(new DbContextOptionsBuilder<SqlitePaymentsDbContext>().UseSqlite(database.ConnectionString).Options);

    /// <summary>The migrations the <c>migrate</c> command says it applied, one an indented line.</summary>
    private static List<string> Listed(string output) => [.. MigrationLine().Matches(output).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"Applying migration '([^']+)'")]
    private static partial Regex Applying();

    [GeneratedRegex(@"^  (\d{14}_\w+)\r?$", RegexOptions.Multiline)]
    private static partial Regex MigrationLine();
}
