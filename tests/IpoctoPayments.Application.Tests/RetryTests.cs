using IpoctoPayments.Application.Refunds.RequestRefund;
using IpoctoPayments.Application.TopUps.ListTopUps;
using IpoctoPayments.Application.Webhooks;
using static IpoctoPayments.Application.Tests.PaymentsHarness;

namespace IpoctoPayments.Application.Tests;

/// <summary>A unit of work that meets another writer runs its command again; what it asked of a provider must not change.</summary>
public sealed class RetryTests : ApplicationTest
{
    [Fact]
    public async Task A_top_up_run_again_after_a_write_conflict_opens_one_session_for_one_order()
    {
        App.Database.WriteConflicts = 1;

        var created = await App.Send(StripeCard("20.00"));

        // The session is opened before the unit of work, so only the writes run again.
        Assert.Single(App.Stripe.SessionRequests);
        Assert.Single(App.Stripe.Sessions);
        Assert.Equal(created.TopUp.Id, Assert.Single((await App.Ask(new ListTopUpsQuery(Account, null))).Items).Id);
    }

    [Fact]
    public async Task A_refund_without_a_key_run_again_after_a_write_conflict_is_one_refund()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        App.Database.WriteConflicts = 1;

        await App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, null));

        Assert.Equal(2, App.Stripe.Refunds.Count);
        Assert.Single(App.Stripe.Refunds.Select(r => (r.RefundId, r.IdempotencyKey)).Distinct());
        Assert.Equal("15.00", await App.Balance());
    }

    [Fact]
    public async Task A_late_capture_applied_again_after_a_write_conflict_asks_for_one_refund()
    {
        var topUp = await App.CreateTopUp(StripeCard("20.00"));
        await App.Deliver(App.Event(topUp, ProviderEventKind.Expired));
        App.Database.WriteConflicts = 1;

        await App.Deliver(App.Event(topUp, ProviderEventKind.Paid));

        Assert.Single(App.Stripe.Refunds.Select(r => (r.RefundId, r.IdempotencyKey)).Distinct());
    }
}
