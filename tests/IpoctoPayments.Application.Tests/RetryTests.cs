using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Application.Refunds.RequestRefund;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Application.TopUps.GetTopUp;
using IpoctoPayments.Application.TopUps.ListTopUps;
using IpoctoPayments.Domain.Ledger;
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
    public async Task A_refund_without_a_key_run_again_after_a_write_conflict_is_one_refund_sent_once()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        App.Database.WriteConflicts = 1;

        var result = await App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, null));
        await App.DispatchRefunds();

        // Nothing is sent inside the unit of work; the dispatcher sends the one refund it recorded, under its own id.
        var sent = Assert.Single(App.Stripe.Refunds);
        Assert.Equal((result.Refund.Id, $"refund-{result.Refund.Id:N}"), (sent.RefundId, sent.IdempotencyKey));
        Assert.Single((await App.Ask(new GetTopUpQuery(Account, topUp.Id))).Refunds);
        Assert.Single(App.Database.Journal.Postings, p => p.Key.Kind == PostingKind.RefundDebit);
        Assert.Equal("15.00", await App.Balance());
    }

    [Fact]
    public async Task A_late_capture_applied_again_after_a_write_conflict_sends_one_refund_once()
    {
        var topUp = await App.CreateTopUp(StripeCard("20.00"));
        await App.Deliver(App.Event(topUp, ProviderEventKind.Expired));
        App.Database.WriteConflicts = 1;

        await App.Deliver(App.Event(topUp, ProviderEventKind.Paid));
        await App.DispatchRefunds();

        var refund = Assert.Single((await App.Ask(new GetTopUpQuery(Account, topUp.Id))).Refunds);
        var sent = Assert.Single(App.Stripe.Refunds);
        Assert.Equal((refund.Id, $"refund-{refund.Id:N}"), (sent.RefundId, sent.IdempotencyKey));
        Assert.Single(App.Database.Journal.Postings, p => p.Key.Kind == PostingKind.LateCaptureRefund);
    }

    [Fact]
    public async Task A_refund_answer_applied_again_after_a_write_conflict_asks_the_provider_once_and_settles_once()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        App.Stripe.RefundStatus = SubmittedRefundStatus.Failed;
        await App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));
        App.Database.WriteConflicts = 1;

        await App.DispatchRefunds();

        // The provider is asked outside the unit of work: only applying its answer runs again.
        Assert.Equal(1, App.Stripe.RefundAttempts);
        Assert.Equal("failed", Assert.Single((await App.Ask(new GetTopUpQuery(Account, topUp.Id))).Refunds).Status);
        Assert.Single(App.Database.Journal.Postings, p => p.Key.Kind == PostingKind.RefundReversal);
        Assert.Equal("20.00", await App.Balance());
    }
}
