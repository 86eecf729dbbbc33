using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Infrastructure.Persistence.SqlServer;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;
using Testcontainers.MsSql;

namespace IpoctoPayments.Api.Tests;

public sealed class SqlServerTests
{
    [Fact]
    public void The_sql_server_schema_matches_its_snapshot()
    {
        var options = new DbContextOptionsBuilder<SqlServerPaymentsDbContext>().UseSqlServer("Server=unused").Options;
        using var db = new SqlServerPaymentsDbContext(options);

        var script = db.Database.GenerateCreateScript();

        Assert.Contains("ck_customer_balances_not_negative", script, StringComparison.Ordinal);
        Snapshot.Match(script.ReplaceLineEndings("\n"));
    }

    [SkippableFact]
    public async Task A_card_payment_credits_the_balance_on_sql_server()
    {
        var unavailable = DockerEngine.WhyNotAvailable();
        Skip.If(unavailable is not null, $"SQL Server integration test skipped: {unavailable} Testcontainers.MsSql needs a Docker engine to start SQL Server.");

        await using var container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
        await container.StartAsync();
        await using var database = TestDatabase.External(DatabaseProvider.SqlServer, container.GetConnectionString());
        await using var system = await PaymentsSystem.StartAsync(database);
        var console = system.Console("acc-sqlserver");

        var order = await system.PaidStripeTopUpAsync(console, "20.00");

        Assert.Equal("succeeded", order.Status());
        Assert.Equal("20.00", await console.BalanceAsync());
        Assert.Single(await console.LedgerAsync());
    }
}
