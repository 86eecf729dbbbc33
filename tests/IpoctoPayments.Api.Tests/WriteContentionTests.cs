using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Infrastructure.Refunds;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;

namespace IpoctoPayments.Api.Tests;

/// <summary>
/// When every attempt of a unit of work meets a write conflict, the API gives up cleanly: 503 <c>write_contention</c>
/// with <c>Retry-After</c>, nothing written, and the same request sent again later goes through once.
/// </summary>
public sealed class WriteContentionTests
{
    /// <summary>How many times the unit of work runs a command before answering busy.</summary>
    private const int Attempts = 5;

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_payment_webhook_that_conflicts_on_every_attempt_is_a_503_that_writes_nothing_and_is_applied_on_redelivery(DatabaseProvider provider)
    {
        var saves = new FailingSaves();
        await using var system = await PaymentsSystem.StartAsync(provider, services: saves.AddTo(provider));
        var console = system.Console("acc-contention-webhook");
        var payment = Assert.Single(await system.PayWithWebhooksHeldAsync(console, ["20.00"]));
        var signature = StripeSignature.For(payment.Payload, PaymentsSystem.StripeWebhookSecret, system.Clock.GetUtcNow());

        saves.Arm();
        using var busy = await system.PostStripeAsync(payment.Payload, signature);
        saves.Disarm();

        await AssertBusyAsync(busy);
        Assert.Equal(Attempts, saves.Failed);
        Assert.Equal("0.00", await console.BalanceAsync());
        Assert.Empty(await console.LedgerAsync());
        Assert.Equal(0, await system.InboxCountAsync());
        Assert.Equal(0, await system.PostingCountAsync());
        Assert.Equal("awaiting_payment", (await console.TopUpAsync(payment.TopUp.Id())).Status());

        // Stripe redelivers a 503: this time the writes go through, once.
        using var redelivered = await system.PostStripeAsync(payment.Payload, signature);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal("applied", (await redelivered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal("20.00", await console.BalanceAsync());
        Assert.Equal("succeeded", (await console.TopUpAsync(payment.TopUp.Id())).Status());
        Assert.Equal(1, await system.InboxCountAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_debit_that_conflicts_on_every_attempt_is_a_503_that_leaves_the_balance_and_its_key_untouched(DatabaseProvider provider)
    {
        const string account = "acc-contention-debit";
        var saves = new FailingSaves();
        await using var system = await PaymentsSystem.StartAsync(provider, services: saves.AddTo(provider));
        var console = system.Console(account);
        await system.PaidStripeTopUpAsync(console, "20.00");

        saves.Arm();
        using var busy = await system.Billing().PostDebitAsync(account, "5.00", "inv-1", "contention-debit-1");
        saves.Disarm();

        // The balance was decremented in each attempt's transaction, and each was rolled back.
        await AssertBusyAsync(busy);
        Assert.Equal(Attempts, saves.Failed);
        Assert.Equal("20.00", await console.BalanceAsync());
        Assert.Equal(2000, await system.StoredBalanceAsync(account));
        Assert.Equal(0, await system.PostingsAsync(account, "BillingDebit"));
        Assert.Single(await console.LedgerAsync());

        // Billing retries with the same key: the debit is made now (201, not a replay), once.
        var debit = await BillingSteps.DebitAsync(system.Billing(), account, "5.00", "inv-1", "contention-debit-1");
        Assert.Equal("15.00", debit.BalanceAfter());
        Assert.Equal("15.00", await console.BalanceAsync());
        Assert.Equal(1, await system.PostingsAsync(account, "BillingDebit"));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_refund_request_that_conflicts_on_every_attempt_is_a_503_that_records_and_sends_no_refund(DatabaseProvider provider)
    {
        const string account = "acc-contention-refund";
        var saves = new FailingSaves();
        await using var system = await PaymentsSystem.StartAsync(provider, services: saves.AddTo(provider));
        var console = system.Console(account);
        var paid = await system.PaidStripeTopUpAsync(console, "20.00");

        saves.Arm();
        using var busy = await system.Admin().PostRefundAsync(paid.Id(), "5.00", "contention-refund-1");
        saves.Disarm();

        await AssertBusyAsync(busy);
        Assert.Equal(Attempts, saves.Failed);
        Assert.Equal("20.00", await console.BalanceAsync());
        var order = await console.TopUpAsync(paid.Id());
        Assert.Equal("succeeded", order.Status());
        Assert.Empty(order.GetProperty("refunds").EnumerateArray());
        Assert.Equal(0, await system.InDatabaseAsync(db => db.Set<RefundOutboxRecord>().CountAsync()));
        Assert.Equal(0, await system.DispatchRefundsAsync());
        Assert.Equal(0, (await system.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/stripe/refunds")).GetArrayLength());

        // The admin retries with the same key: one refund, debited once.
        using var retried = await system.Admin().PostRefundAsync(paid.Id(), "5.00", "contention-refund-1");
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal("15.00", await console.BalanceAsync());
        Assert.Single((await console.TopUpAsync(paid.Id())).GetProperty("refunds").EnumerateArray());
    }

    private static async Task AssertBusyAsync(HttpResponseMessage response)
    {
        var problem = await ApiAnswer.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "write_contention");
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal("The service is busy; try again shortly.", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
