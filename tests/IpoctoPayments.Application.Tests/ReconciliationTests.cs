using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Application.Refunds.RequestRefund;
using IpoctoPayments.Application.Support.GetOrderTimeline;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Application.TopUps.GetTopUp;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;
using static IpoctoPayments.Application.Tests.PaymentsHarness;

namespace IpoctoPayments.Application.Tests;

public sealed class ReconciliationTests : ApplicationTest
{
    private static readonly TimeSpan PastThePaymentWindow = TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_payment_whose_webhook_never_came_is_credited_once_however_often_reconciliation_runs()
    {
        var topUp = await App.CreateTopUp(StripeCard("20.00"));
        App.Stripe.Payments[topUp.Id] = new PaymentLookupResult(ProviderPaymentStatus.Paid, "pi_missed");
        App.Clock.Advance(PastThePaymentWindow);

        var first = await App.Reconcile();
        var second = await App.Reconcile();

        Assert.Equal(topUp.Id, Assert.Single(first.Changed).TopUpId);
        Assert.Empty(second.Changed);
        Assert.Equal("succeeded", (await App.Ask(new GetTopUpQuery(Account, topUp.Id))).Status);
        Assert.Equal("20.00", await App.Balance());
        Assert.Single(App.Database.Journal.Postings);
    }

    [Fact]
    public async Task An_order_still_inside_its_payment_window_is_left_alone()
    {
        var topUp = await App.CreateTopUp(StripeCard("20.00"));
        App.Stripe.Payments[topUp.Id] = new PaymentLookupResult(ProviderPaymentStatus.Paid);

        var report = await App.Reconcile();

        Assert.Equal(0, report.Checked);
        Assert.Equal(0, App.Stripe.Lookups);
        Assert.Equal("0.00", await App.Balance());
    }

    [Fact]
    public async Task A_late_capture_found_on_an_expired_order_is_refunded_with_the_guides_promise()
    {
        var topUp = await App.CreateTopUp(StripeCard("20.00"));
        await App.Deliver(App.Event(topUp, ProviderEventKind.Expired));
        App.Stripe.Payments[topUp.Id] = new PaymentLookupResult(ProviderPaymentStatus.Paid, "pi_late");

        await App.Reconcile();
        await App.Reconcile();
        await App.DispatchRefunds();

        var timeline = await App.Ask(new GetOrderTimelineQuery(topUp.OrderNumber));
        Assert.Equal("late_capture", timeline.TopUp.Status);
        Assert.Equal(Assert.Single(timeline.TopUp.Refunds).Id, Assert.Single(App.Stripe.Refunds).RefundId);
        Assert.Equal("0.00", await App.Balance());
        Assert.Contains(timeline.Timeline, e => e.Message.Contains("1-7 business days", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expiry_the_provider_reports_closes_an_order_whose_webhook_was_lost()
    {
        var topUp = await App.CreateTopUp(PayerMaxGCash("10.00"));
        App.PayerMax.Payments[topUp.Id] = new PaymentLookupResult(ProviderPaymentStatus.Expired);
        App.Clock.Advance(PastThePaymentWindow);

        await App.Reconcile();

        var order = await App.Ask(new GetTopUpQuery(Account, topUp.Id));
        Assert.Equal(("expired", "payment_expired"), (order.Status, order.Failure?.Code));
    }

    [Fact]
    public async Task A_refund_the_provider_settled_without_telling_is_confirmed()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        var refund = (await App.Send(new RequestRefundCommand(topUp.Id, null, null, "refund-1"))).Refund;
        await App.DispatchRefunds();
        App.Stripe.RefundStates[refund.Id] = SubmittedRefundStatus.Succeeded;

        await App.Reconcile();

        Assert.Equal("refunded", (await App.Ask(new GetTopUpQuery(Account, topUp.Id))).Status);
    }

    [Fact]
    public async Task An_order_the_provider_refuses_to_look_up_does_not_stop_the_others()
    {
        var refused = await App.CreateTopUp(StripeCard("20.00"));
        var missed = await App.CreateTopUp(StripeCard("30.00"));
        App.Stripe.RefusedLookups.Add(refused.Id);
        App.Stripe.Payments[missed.Id] = new PaymentLookupResult(ProviderPaymentStatus.Paid);
        App.Clock.Advance(PastThePaymentWindow);

        var report = await App.Reconcile();

        Assert.Contains(report.Failed, f => f.Contains("provider_rejected", StringComparison.Ordinal));
        Assert.Equal(missed.Id, Assert.Single(report.Changed).TopUpId);
        Assert.Equal("30.00", await App.Balance());
    }

    [Fact]
    public async Task A_provider_that_cannot_be_reached_is_reported_and_the_order_stays_as_it_was()
    {
        var topUp = await App.CreateTopUp(StripeCard("20.00"));
        App.Clock.Advance(PastThePaymentWindow);
        App.Stripe.Unavailable = true;

        var report = await App.Reconcile();

        // The order, and Stripe's dispute list; PayerMax, which cannot list disputes, is not asked.
        Assert.Equal([$"{topUp.Id}: provider_unavailable", "disputes: provider_unavailable"], report.Failed);
        Assert.Equal(1, report.Checked);
        Assert.Equal("awaiting_payment", (await App.Ask(new GetTopUpQuery(Account, topUp.Id))).Status);
    }

    [Fact]
    public async Task A_listed_dispute_of_a_payment_this_service_never_had_is_acknowledged_once_past_its_wait()
    {
        var report = new DisputeReport("dp_elsewhere", Money.Parse("5.00", "USD").Value, "fraudulent", DisputeStatus.NeedsResponse, IsInquiry: false, RespondBy: null);
        App.Stripe.Disputes["dp_elsewhere"] = (report, "pi_elsewhere", App.Clock.GetUtcNow() - TimeSpan.FromMinutes(30));

        // Within the hour its payment's own event may still come: nothing is kept, so the next pass asks again.
        Assert.Empty((await App.Reconcile()).DisputesFound);
        Assert.DoesNotContain(App.Database.Inbox, e => e.EventId.Contains("dp_elsewhere", StringComparison.Ordinal));

        App.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Empty((await App.Reconcile()).DisputesFound);
        await App.Reconcile();

        var kept = Assert.Single(App.Database.Inbox, e => e.EventId.Contains("dp_elsewhere", StringComparison.Ordinal));
        Assert.Equal(nameof(EventOutcome.UnknownOrder), kept.Outcome);
    }
}
