using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class ReconciliationTests
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_dropped_webhook_is_applied_by_reconciliation_and_only_once(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-dropped");
        var topUp = await console.CreateTopUpAsync(TopUpRequest.StripeCard("20.00"));
        await system.SetFaultsAsync(new { webhooks = new { drop = true } }, topUp.SessionId());
        await system.PayStripeAsync(topUp);
        Assert.Equal("0.00", await console.BalanceAsync());

        system.Clock.Advance(TimeSpan.FromMinutes(61));
        var first = await system.Admin().PostReconciliationRunAsync();
        var second = await system.Admin().PostReconciliationRunAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Single((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").EnumerateArray());
        Assert.Empty((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").EnumerateArray());
        Assert.Equal("20.00", await console.BalanceAsync());
        Assert.Equal("succeeded", (await console.TopUpAsync(topUp.Id())).Status());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Runs_on_two_instances_at_once_apply_each_missed_payment_once(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-two-runs");
        await system.SetFaultsAsync(new { webhooks = new { drop = true } });
        string[] amounts = ["5.00", "7.00", "11.00"];
        foreach (var amount in amounts)
        {
            await system.PayStripeAsync(await console.CreateTopUpAsync(TopUpRequest.StripeCard(amount)));
        }

        Assert.Equal("0.00", await console.BalanceAsync());

        system.Clock.Advance(TimeSpan.FromMinutes(61));
        PaymentsApiClient[] instances = [system.Admin(), system.AnotherInstance(TestTokens.For("admin", Scopes.Admin))];
        var runs = await Task.WhenAll(instances.Concat(instances).Select(admin => admin.PostReconciliationRunAsync()));

        Assert.All(runs, run => Assert.Equal(HttpStatusCode.OK, run.StatusCode));
        var applied = 0;
        foreach (var run in runs)
        {
            applied += (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetArrayLength();
        }

        Assert.Equal(amounts.Length, applied);
        Assert.Equal("23.00", await console.BalanceAsync());
        Assert.Equal(amounts.Length, (await console.LedgerAsync()).Length);
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Reconciliation_needs_the_admin_scope(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);

        var response = await system.Console("acc-1").PostReconciliationRunAsync();

        await ApiAnswer.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }
}
