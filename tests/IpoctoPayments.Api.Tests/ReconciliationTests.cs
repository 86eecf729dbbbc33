using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class ReconciliationTests
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_dropped_webhook_is_applied_by_reconciliation_and_only_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var system = await PaymentsSystem.StartAsync(database);
        var console = system.Console("acc-dropped");
        var created = await console.PostAsJsonAsync("/api/v1/topups", new
        {
            amount = new { amount = "20.00", currency = "USD" },
            provider = "stripe",
            country = "US",
            returnUrl = "https://console.ipocto.test/topups",
        });
        var topUp = await created.Content.ReadFromJsonAsync<JsonElement>();
        var sessionId = new Uri(topUp.GetProperty("paymentUrl").GetString()!).Segments[^1];
        (await system.Simulator.PutAsJsonAsync($"/_simulator/faults/{sessionId}", new { webhooks = new { drop = true } })).EnsureSuccessStatusCode();
        (await system.Simulator.PostAsJsonAsync($"/_simulator/stripe/sessions/{sessionId}/complete", new { method = "card" })).EnsureSuccessStatusCode();
        await system.DeliverWebhooksAsync();
        Assert.Equal("0.00", await BalanceAsync(console));

        system.Clock.Advance(TimeSpan.FromMinutes(61));
        var first = await system.Admin().PostAsync("/api/v1/reconciliation/runs", null);
        var second = await system.Admin().PostAsync("/api/v1/reconciliation/runs", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Single((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").EnumerateArray());
        Assert.Empty((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").EnumerateArray());
        Assert.Equal("20.00", await BalanceAsync(console));
        var order = await console.GetFromJsonAsync<JsonElement>($"/api/v1/topups/{topUp.GetProperty("id").GetString()}");
        Assert.Equal("succeeded", order.GetProperty("status").GetString());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Reconciliation_needs_the_admin_scope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var system = await PaymentsSystem.StartAsync(database);

        var response = await system.Console("acc-1").PostAsync("/api/v1/reconciliation/runs", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<string?> BalanceAsync(HttpClient console) =>
        (await console.GetFromJsonAsync<JsonElement>("/api/v1/balance")).GetProperty("available").GetProperty("amount").GetString();
}
