using System.Net;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

/// <summary>What an orchestrator and a monitor read: is the process up, can it serve, and if not, which dependency is at fault.</summary>
public sealed class HealthTests
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Ready_reports_the_database_and_both_providers_healthy(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var client = system.Anonymous();

        var (status, report) = await ReadyAsync(client);
        using var live = await client.GetAsync("/health/live");
        using var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal(["database", "draining", "payermax", "stripe"], report.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());
        Assert.All(report.GetProperty("checks").EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task A_provider_outage_makes_ready_degraded_and_names_the_provider_while_health_stays_up()
    {
        await using var system = await PaymentsSystem.StartAsync(DatabaseProvider.Sqlite);
        var client = system.Anonymous();

        // Enough failures to outlast the retries any provider call gets; cleared once the probe has met them.
        await system.SetFaultsAsync(new { stripe = new { failNextCalls = 10 } });
        var (stripeDown, whileStripeDown) = await ReadyAsync(client);
        await system.SetFaultsAsync(new { stripe = new { failNextCalls = 0 }, payerMax = new { failNextCalls = 10 } });
        var (payerMaxDown, whilePayerMaxDown) = await ReadyAsync(client);
        await system.SetFaultsAsync(new { payerMax = new { failNextCalls = 0 } });
        using var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, stripeDown);
        Assert.Equal("Degraded", whileStripeDown.GetProperty("status").GetString());
        Assert.Equal("Degraded", Check(whileStripeDown, "stripe").GetProperty("status").GetString());
        Assert.Contains("answered 500", Check(whileStripeDown, "stripe").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", Check(whileStripeDown, "payermax").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, payerMaxDown);
        Assert.Equal("Degraded", Check(whilePayerMaxDown, "payermax").GetProperty("status").GetString());
        Assert.Equal("Healthy", Check(whilePayerMaxDown, "stripe").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [SkippableFact]
    public async Task A_provider_that_does_not_answer_is_given_up_on_within_the_probe_timeout()
    {
        await using var system = await PaymentsSystem.StartAsync(DatabaseProvider.Sqlite);
        await system.SetFaultsAsync(new { stripe = new { failNextCalls = 1, mode = "Timeout" } });

        var (status, report) = await ReadyAsync(system.Anonymous());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", Check(report, "stripe").GetProperty("status").GetString());
        Assert.Contains("did not answer", Check(report, "stripe").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(Check(report, "stripe").GetProperty("durationMs").GetDouble() >= 2_000, "the probe gave up before its timeout");
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task An_unreachable_database_makes_ready_unhealthy_and_names_it(DatabaseProvider provider)
    {
        var unreachable = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(Path.GetTempPath(), $"ipocto-{Guid.NewGuid():N}", "missing", "payments.db")}"
            : "Host=127.0.0.1;Port=1;Database=ipocto;Username=ipocto;Password=ipocto;Timeout=2";
        await using var database = TestDatabase.External(provider, unreachable);
        await using var system = await PaymentsSystem.StartAsync(database, new Dictionary<string, string?> { ["Database:MigrateOnStart"] = "false" });
        var client = system.Anonymous();

        var (status, report) = await ReadyAsync(client);
        using var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", Check(report, "database").GetProperty("status").GetString());
        Assert.Equal("Healthy", Check(report, "stripe").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Report)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/health/ready");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static JsonElement Check(JsonElement report, string name) => report.GetProperty("checks").GetProperty(name);
}
