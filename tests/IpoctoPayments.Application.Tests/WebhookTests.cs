using IpoctoPayments.Application.Refunds.RequestRefund;
using IpoctoPayments.Application.Support.GetOrderTimeline;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Application.TopUps.GetTopUp;
using IpoctoPayments.Application.Webhooks;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Ledger;
using static IpoctoPayments.Application.Tests.PaymentsHarness;

namespace IpoctoPayments.Application.Tests;

public sealed class WebhookTests : ApplicationTest
{
    [Fact]
    public async Task A_paid_event_succeeds_the_order_and_credits_the_balance()
    {
        var topUp = await App.CreateTopUp(StripeCard("20.00"));

        var outcome = await App.Deliver(App.Event(topUp, ProviderEventKind.Paid));

        Assert.Equal(EventOutcome.Applied, outcome);
        var read = await Read(topUp);
        Assert.Equal("succeeded", read.Status);
        Assert.Null(read.PaymentUrl);
        Assert.Equal(App.Clock.GetUtcNow(), read.PaidAt);
        Assert.Equal("20.00", await App.Balance());
        Assert.Equal(1, TopUpCredits(topUp));
    }

    [Fact]
    public async Task A_PayerMax_notification_credits_the_balance_in_USD_for_a_payment_in_PHP()
    {
        var topUp = await App.CreateTopUp(PayerMaxGCash("10.00"));

        Assert.Equal(EventOutcome.Applied, await App.Deliver(App.Event(topUp, ProviderEventKind.Paid)));

        Assert.Equal("succeeded", (await Read(topUp)).Status);
        Assert.Equal("10.00", await App.Balance());
    }

    [Fact]
    public async Task Paying_twice_credits_the_balance_once()
    {
        var topUp = await App.CreateTopUp(StripeCard("20.00"));
        var paid = App.Event(topUp, ProviderEventKind.Paid);
        await App.Deliver(paid);

        var redelivered = await App.Deliver(paid);
        var anotherPaidEvent = await App.Deliver(App.Event(topUp, ProviderEventKind.Paid));

        Assert.Equal(EventOutcome.Duplicate, redelivered);
        Assert.Equal(EventOutcome.Ignored, anotherPaidEvent);
        Assert.Equal("20.00", await App.Balance());
        Assert.Equal(1, TopUpCredits(topUp));
        Assert.Equal(2, App.Database.Inbox.Count);
    }

    [Fact]
    public async Task A_declined_attempt_is_recorded_with_ipoctos_code_and_guidance_and_the_order_still_awaits_payment()
    {
        var topUp = await App.CreateTopUp(StripeCard("20.00"));

        var outcome = await App.Deliver(App.Event(topUp, ProviderEventKind.AttemptDeclined) with
        {
            ProviderCode = "card_declined", DeclineCode = "insufficient_funds", AttemptReference = "ch_1",
        });

        Assert.Equal(EventOutcome.Applied, outcome);
        var read = await Read(topUp);
        Assert.Equal("awaiting_payment", read.Status);
        Assert.NotNull(read.PaymentUrl);
        var attempt = Assert.Single(read.Attempts);
        Assert.Equal("insufficient_funds", attempt.Error.Code);
        Assert.Equal("Your card has insufficient funds.", attempt.Error.Message);
        Assert.False(string.IsNullOrWhiteSpace(attempt.Error.Guidance));
        Assert.Equal("0.00", await App.Balance());
    }

    [Fact]
    public async Task A_final_failure_closes_the_order_with_ipoctos_code_and_guidance()
    {
        var topUp = await App.CreateTopUp(PayerMaxGCash("10.00"));

        var outcome = await App.Deliver(App.Event(topUp, ProviderEventKind.Failed) with { ProviderCode = "PAYMENT_FAILED" });

        Assert.Equal(EventOutcome.Applied, outcome);
        var read = await Read(topUp);
        Assert.Equal("failed", read.Status);
        Assert.NotNull(read.Failure);
        Assert.False(string.IsNullOrWhiteSpace(read.Failure.Guidance));
        Assert.Null(read.PaymentUrl);
        Assert.Equal("0.00", await App.Balance());
    }

    [Fact]
    public async Task An_expiry_reported_after_the_payment_is_ignored_and_the_order_stays_paid()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));

        var outcome = await App.Deliver(App.Event(topUp, ProviderEventKind.Expired));

        Assert.Equal(EventOutcome.Ignored, outcome);
        Assert.Equal("succeeded", (await Read(topUp)).Status);
        Assert.Equal("20.00", await App.Balance());
    }

    [Fact]
    public async Task A_payment_after_expiry_is_refunded_automatically_by_default_and_never_credited()
    {
        var topUp = await App.CreateTopUp(StripeCard("20.00"));
        await App.Deliver(App.Event(topUp, ProviderEventKind.Expired));
        App.Clock.Advance(TimeSpan.FromHours(2));

        var outcome = await App.Deliver(App.Event(topUp, ProviderEventKind.Paid));

        Assert.Equal(EventOutcome.Applied, outcome);
        Assert.Equal(0, App.Stripe.RefundAttempts);
        Assert.Equal(1, await App.DispatchRefunds());
        Assert.Equal(0, await App.DispatchRefunds());
        var refund = Assert.Single(App.Stripe.Refunds);
        Assert.Equal((2000L, "USD"), (refund.Amount.MinorUnits, refund.Amount.Currency.Code));
        Assert.Equal(topUp.Id, refund.OrderId);
        Assert.Equal("0.00", await App.Balance());
        var timeline = await App.Ask(new GetOrderTimelineQuery(topUp.OrderNumber));
        Assert.Equal("late_capture", timeline.TopUp.Status);
        var recorded = Assert.Single(timeline.TopUp.Refunds);
        Assert.True(recorded.ForLateCapture);
        Assert.Equal((recorded.Id, "pending"), (refund.RefundId, recorded.Status));
        Assert.Contains(timeline.Timeline, e => e.Message.Contains("refunded to your account within 1-7 business days", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_automatic_refund_of_a_late_capture_puts_the_money_back_in_suspense_not_on_the_balance()
    {
        var topUp = await App.CreateTopUp(StripeCard("20.00"));
        await App.Deliver(App.Event(topUp, ProviderEventKind.Expired));
        await App.Deliver(App.Event(topUp, ProviderEventKind.Paid));
        await App.DispatchRefunds();
        var refundId = Assert.Single(App.Stripe.Refunds).RefundId;

        var outcome = await App.Deliver(App.Event(topUp, ProviderEventKind.RefundFailed) with { RefundId = refundId });

        Assert.Equal(EventOutcome.Applied, outcome);
        Assert.Equal("0.00", await App.Balance());
        var suspense = LedgerAccount.LateCaptureSuspense(PaymentProvider.Stripe, Currency.FromCode("USD").Value);
        Assert.Equal(2000L, App.Database.Journal.BalanceOf(suspense));
        Assert.Equal("refund_failed", Assert.Single((await Read(topUp)).Refunds).Failure?.Code);
    }

    [Fact]
    public async Task A_late_capture_refund_the_provider_refuses_puts_the_money_back_in_suspense_not_on_the_balance()
    {
        var topUp = await App.CreateTopUp(StripeCard("20.00"));
        await App.Deliver(App.Event(topUp, ProviderEventKind.Expired));
        await App.Deliver(App.Event(topUp, ProviderEventKind.Paid));
        App.Stripe.RefundRejection = "charge_disputed";

        Assert.Equal(1, await App.DispatchRefunds());

        Assert.Equal(1, App.Stripe.RefundAttempts);
        Assert.Equal("refund_failed", Assert.Single((await Read(topUp)).Refunds).Failure?.Code);
        Assert.Equal("0.00", await App.Balance());
        var suspense = LedgerAccount.LateCaptureSuspense(PaymentProvider.Stripe, Currency.FromCode("USD").Value);
        Assert.Equal(2000L, App.Database.Journal.BalanceOf(suspense));
        Assert.Empty(App.Database.Outbox);
    }

    [Fact]
    public async Task A_late_capture_while_the_provider_is_down_is_recorded_and_its_refund_is_sent_once_the_provider_is_back()
    {
        var topUp = await App.CreateTopUp(StripeCard("20.00"));
        await App.Deliver(App.Event(topUp, ProviderEventKind.Expired));
        var paid = App.Event(topUp, ProviderEventKind.Paid);
        App.Stripe.Unavailable = true;

        Assert.Equal(EventOutcome.Applied, await App.Deliver(paid));

        Assert.Equal("late_capture", (await Read(topUp)).Status);
        Assert.Contains(App.Database.Inbox, e => e.EventId == paid.EventId);
        Assert.Equal(1, await App.DispatchRefunds());
        Assert.Equal(1, App.Stripe.RefundAttempts);
        Assert.Empty(App.Stripe.Refunds);
        Assert.Equal("pending", Assert.Single((await Read(topUp)).Refunds).Status);

        App.Stripe.Unavailable = false;
        App.Clock.Advance(new Refunds.RefundDispatchOptions().RetryDelay + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await App.DispatchRefunds());
        Assert.Equal(EventOutcome.Duplicate, await App.Deliver(paid));
        Assert.Equal(0, await App.DispatchRefunds());

        var refund = Assert.Single((await Read(topUp)).Refunds);
        Assert.Equal(refund.Id, Assert.Single(App.Stripe.Refunds).RefundId);
        Assert.Equal("0.00", await App.Balance());
        Assert.Single(App.Database.Journal.Postings, p => p.Key.Kind == PostingKind.LateCaptureRefund);
    }

    [Fact]
    public async Task A_webhook_that_does_not_verify_is_refused_and_nothing_is_stored()
    {
        await App.CreateTopUp(PayerMaxGCash());

        await Assert.ThrowsAsync<InvalidWebhookException>(
            () => App.Send(new Webhooks.ReceiveWebhook.ReceiveWebhookCommand(PaymentProvider.PayerMax, "{\"forged\":true}"u8.ToArray(), "forged")));

        Assert.Empty(App.Database.Inbox);
        Assert.Empty(App.Database.Journal.Postings);
    }

    [Fact]
    public async Task A_payment_after_expiry_is_credited_when_the_policy_says_credit()
    {
        await using var crediting = new PaymentsHarness(new Dictionary<string, string?> { ["TopUps:LateCapturePolicy"] = "Credit" });
        var topUp = await crediting.CreateTopUp(StripeCard("20.00"));
        await crediting.Deliver(crediting.Event(topUp, ProviderEventKind.Expired));

        var outcome = await crediting.Deliver(crediting.Event(topUp, ProviderEventKind.Paid));

        Assert.Equal(EventOutcome.Applied, outcome);
        Assert.Empty(crediting.Stripe.Refunds);
        Assert.Equal("20.00", await crediting.Balance());
        Assert.Equal("succeeded", (await crediting.Ask(new GetTopUpQuery(Account, topUp.Id))).Status);
    }

    [Fact]
    public async Task A_late_payment_by_a_method_that_cannot_refund_is_credited_instead()
    {
        App.Rates.Set("USD", "EGP", "48.50");
        var topUp = await App.CreateTopUp(TopUp("payermax", "EG", "vodafone_cash", "10.00"));
        await App.Deliver(App.Event(topUp, ProviderEventKind.Expired));

        var outcome = await App.Deliver(App.Event(topUp, ProviderEventKind.Paid));

        Assert.Equal(EventOutcome.Applied, outcome);
        Assert.Empty(App.PayerMax.Refunds);
        Assert.Equal("10.00", await App.Balance());
    }

    [Fact]
    public async Task A_confirmed_refund_event_marks_the_top_up_refunded()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        var refund = (await App.Send(new RequestRefundCommand(topUp.Id, null, null, "refund-1"))).Refund;

        var outcome = await App.Deliver(App.Event(topUp, ProviderEventKind.RefundSucceeded) with { RefundId = refund.Id });

        Assert.Equal(EventOutcome.Applied, outcome);
        var read = await Read(topUp);
        Assert.Equal("refunded", read.Status);
        Assert.Equal("succeeded", Assert.Single(read.Refunds).Status);
        Assert.Equal("0.00", await App.Balance());
    }

    [Fact]
    public async Task A_failed_refund_event_puts_the_amount_back_on_the_balance()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        var refund = (await App.Send(new RequestRefundCommand(topUp.Id, "5.00", "USD", "refund-1"))).Refund;
        Assert.Equal("15.00", await App.Balance());

        var outcome = await App.Deliver(App.Event(topUp, ProviderEventKind.RefundFailed) with { RefundId = refund.Id });

        Assert.Equal(EventOutcome.Applied, outcome);
        Assert.Equal("20.00", await App.Balance());
        var read = await Read(topUp);
        Assert.Equal("succeeded", read.Status);
        Assert.Equal("20.00", read.Refundable.Amount);
        Assert.Equal("refund_failed", Assert.Single(read.Refunds).Failure?.Code);
    }

    [Fact]
    public async Task An_event_for_an_order_this_service_does_not_know_is_kept_in_the_inbox_as_unknown()
    {
        var stranger = new ProviderEvent(PaymentProvider.Stripe, "evt_stranger", "checkout.session.completed", ProviderEventKind.Paid, App.Clock.GetUtcNow())
        {
            OrderId = Guid.CreateVersion7(),
        };

        var outcome = await App.Deliver(stranger);

        Assert.Equal(EventOutcome.UnknownOrder, outcome);
        var entry = Assert.Single(App.Database.Inbox);
        Assert.Equal(("evt_stranger", null, "UnknownOrder"), (entry.EventId, entry.OrderId, entry.Outcome));
        Assert.Empty(App.Database.Journal.Postings);
    }

    private Task<TopUps.TopUpView> Read(TopUps.TopUpView topUp) => App.Ask(new GetTopUpQuery(Account, topUp.Id));

    private int TopUpCredits(TopUps.TopUpView topUp) =>
        App.Database.Journal.Postings.Count(p => p.Key.SubjectId == topUp.Id && p.Key.Kind == PostingKind.TopUpCredit);
}
