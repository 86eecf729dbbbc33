using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Application.Refunds;
using IpoctoPayments.Application.Refunds.RequestRefund;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Application.TopUps.GetTopUp;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Ledger;
using static IpoctoPayments.Application.Tests.PaymentsHarness;

namespace IpoctoPayments.Application.Tests;

public sealed class RequestRefundTests : ApplicationTest
{
    /// <summary>The wait after a first failed send, as configured by default.</summary>
    private static readonly TimeSpan RetryDelay = new RefundDispatchOptions().RetryDelay;

    [Theory]
    [InlineData(null, "20.00", "0.00", 2000L)]
    [InlineData("5.00", "5.00", "15.00", 500L)]
    public async Task A_refund_is_recorded_pending_and_debits_the_balance_at_once_and_the_dispatcher_sends_the_charge_back_once(
        string? amount, string refunded, string left, long sentBackCents)
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));

        var result = await App.Send(new RequestRefundCommand(topUp.Id, amount, "USD", "refund-1"));

        Assert.Equal(("pending", refunded), (result.Refund.Status, result.Refund.Amount.Amount));
        Assert.Equal(("succeeded", left), (result.TopUp.Status, result.TopUp.Refundable.Amount));
        Assert.Equal(left, await App.Balance());
        Assert.Equal(0, App.Stripe.RefundAttempts);

        Assert.Equal(1, await App.DispatchRefunds());

        var sent = Assert.Single(App.Stripe.Refunds);
        Assert.Equal((result.Refund.Id, $"refund-{result.Refund.Id:N}"), (sent.RefundId, sent.IdempotencyKey));
        Assert.Equal((sentBackCents, "USD"), (sent.Amount.MinorUnits, sent.Amount.Currency.Code));
        var read = await Read(topUp);
        Assert.Equal("pending", Assert.Single(read.Refunds).Status);
        Assert.Equal(left, await App.Balance());
    }

    [Fact]
    public async Task A_partial_refund_of_a_PHP_payment_returns_the_matching_PHP_at_the_locked_rate()
    {
        var topUp = await App.PaidTopUp(PayerMaxGCash("10.00"));

        var result = await App.Send(new RequestRefundCommand(topUp.Id, "4.00", null, "refund-1"));

        Assert.Equal(("4.00", "USD"), (result.Refund.Amount.Amount, result.Refund.Amount.Currency));
        Assert.Equal(("225.00", "PHP"), (result.Refund.Charge.Amount, result.Refund.Charge.Currency));
        Assert.Equal("6.00", await App.Balance());
    }

    [Fact]
    public async Task A_refund_above_what_is_left_is_refused_and_nothing_moves()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        await App.Send(new RequestRefundCommand(topUp.Id, "15.00", null, "refund-1"));

        var error = await Errors.Refused(() => App.Send(new RequestRefundCommand(topUp.Id, "10.00", null, "refund-2")));

        Assert.Equal((ErrorKind.Unprocessable, "refund_exceeds_remaining", "amount"), (error.Kind, error.Code, error.Field));
        Assert.Equal("5.00", await App.Balance());
        Assert.Single((await Read(topUp)).Refunds);
        await App.DispatchRefunds();
        Assert.Equal(1500L, Assert.Single(App.Stripe.Refunds).Amount.MinorUnits);
    }

    [Fact]
    public async Task A_refund_of_money_the_balance_has_already_spent_is_refused_and_nothing_moves()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        var spent = Money.Parse("18.00", "USD").Value;
        Assert.Equal(PostResult.Posted, App.Database.Journal.Post(
            Postings.BillingDebit(Guid.CreateVersion7(), AccountId.Parse(Account).Value, spent, "invoice-1", App.Clock.GetUtcNow())));

        var error = await Errors.Refused(() => App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1")));

        Assert.Equal((ErrorKind.Unprocessable, "insufficient_balance"), (error.Kind, error.Code));
        Assert.Equal("2.00", await App.Balance());
        Assert.Empty((await Read(topUp)).Refunds);
        Assert.Empty(App.Database.Outbox);
        Assert.Equal(0, await App.DispatchRefunds());
        Assert.Equal(0, App.Stripe.RefundAttempts);
    }

    [Fact]
    public async Task A_top_up_paid_with_a_method_that_cannot_refund_is_refused_and_nothing_moves()
    {
        App.Rates.Set("USD", "EGP", "48.50");
        var topUp = await App.PaidTopUp(TopUp("payermax", "EG", "vodafone_cash", "10.00"));

        var error = await Errors.Refused(() => App.Send(new RequestRefundCommand(topUp.Id, null, null, "refund-1")));

        Assert.Equal((ErrorKind.Unprocessable, "refund_not_supported"), (error.Kind, error.Code));
        Assert.Equal("10.00", await App.Balance());
        Assert.Empty(App.PayerMax.Refunds);
    }

    [Fact]
    public async Task An_unpaid_top_up_cannot_be_refunded()
    {
        var topUp = await App.CreateTopUp(StripeCard("20.00"));

        var error = await Errors.Refused(() => App.Send(new RequestRefundCommand(topUp.Id, null, null, "refund-1")));

        Assert.Equal((ErrorKind.Unprocessable, "order_not_refundable"), (error.Kind, error.Code));
        Assert.Empty(App.Stripe.Refunds);
        Assert.Empty(App.Database.Journal.Postings);
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    public async Task A_refund_with_a_malformed_idempotency_key_is_refused_before_anything_moves(string key)
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));

        var error = await Errors.Invalid(() => App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, key)));

        Assert.Equal(("invalid_idempotency_key", "idempotencyKey"), (error.Code, error.Field));
        Assert.Empty(App.Stripe.Refunds);
        Assert.Equal("20.00", await App.Balance());
    }

    [Fact]
    public async Task A_refund_of_an_unknown_top_up_is_not_found()
    {
        var error = await Errors.Refused(() => App.Send(new RequestRefundCommand(Guid.CreateVersion7(), null, null, "refund-1")));

        Assert.Equal((ErrorKind.NotFound, "topup_not_found"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_refunds_and_debits_once()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));

        var first = await App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));
        var again = await App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));
        await App.DispatchRefunds();

        Assert.Equal(first.Refund.Id, again.Refund.Id);
        Assert.Single(again.TopUp.Refunds);
        Assert.Equal(first.Refund.Id, Assert.Single(App.Stripe.Refunds).RefundId);
        Assert.Single(App.Database.Journal.Postings, p => p.Key.Kind == PostingKind.RefundDebit);
        Assert.Equal("15.00", await App.Balance());
    }

    [Theory]
    [InlineData(SubmittedRefundStatus.Failed, "failed", "refund_failed", "succeeded", "20.00")]
    [InlineData(SubmittedRefundStatus.Succeeded, "succeeded", null, "partially_refunded", "15.00")]
    public async Task A_refund_the_provider_settles_when_it_is_sent_settles_the_top_up_and_the_balance_once(
        SubmittedRefundStatus answer, string refundStatus, string? failureCode, string topUpStatus, string balance)
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        App.Stripe.RefundStatus = answer;
        var result = await App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));
        Assert.Equal("pending", result.Refund.Status);
        Assert.Equal("15.00", await App.Balance());
        var inboxBefore = App.Database.Inbox.Count;

        await App.DispatchRefunds();
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await App.DispatchRefunds();

        Assert.Single(App.Stripe.Refunds);
        var read = await Read(topUp);
        var refund = Assert.Single(read.Refunds);
        Assert.Equal((refundStatus, failureCode, topUpStatus), (refund.Status, refund.Failure?.Code, read.Status));
        Assert.Equal(balance, read.Refundable.Amount);
        Assert.Equal(balance, await App.Balance());
        // The answer is applied as a provider event: once, through the inbox.
        Assert.Equal(inboxBefore + 1, App.Database.Inbox.Count);
        Assert.Equal(answer == SubmittedRefundStatus.Failed ? 1 : 0, App.Database.Journal.Postings.Count(p => p.Key.Kind == PostingKind.RefundReversal));
    }

    [Fact]
    public async Task A_provider_that_is_down_leaves_the_refund_pending_and_debited_and_it_is_sent_once_the_provider_is_back()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        App.Stripe.Unavailable = true;

        var result = await App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));

        Assert.Equal("pending", result.Refund.Status);
        Assert.Equal("15.00", await App.Balance());

        Assert.Equal(1, await App.DispatchRefunds());
        Assert.Equal(1, App.Stripe.RefundAttempts);
        Assert.Empty(App.Stripe.Refunds);
        var read = await Read(topUp);
        Assert.Equal(result.Refund.Id, Assert.Single(read.Refunds, r => r.Status == "pending").Id);
        Assert.Equal("15.00", read.Refundable.Amount);
        Assert.Equal("15.00", await App.Balance());

        App.Stripe.Unavailable = false;
        Assert.Equal(0, await App.DispatchRefunds());
        Assert.Empty(App.Stripe.Refunds);

        App.Clock.Advance(RetryDelay + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await App.DispatchRefunds());
        Assert.Equal(0, await App.DispatchRefunds());

        var sent = Assert.Single(App.Stripe.Refunds);
        Assert.Equal((result.Refund.Id, $"refund-{result.Refund.Id:N}", 500L), (sent.RefundId, sent.IdempotencyKey, sent.Amount.MinorUnits));
        read = await Read(topUp);
        Assert.Equal(result.Refund.Id, Assert.Single(read.Refunds).Id);
        Assert.Equal("pending", read.Refunds[0].Status);
        Assert.Equal("15.00", await App.Balance());
        Assert.Single(App.Database.Journal.Postings, p => p.Key.Kind == PostingKind.RefundDebit);
    }

    [Fact]
    public async Task A_provider_that_stays_down_is_asked_again_after_a_wait_that_doubles_each_time()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        App.Stripe.Unavailable = true;
        await App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));

        await App.DispatchRefunds();
        App.Clock.Advance(RetryDelay);
        await App.DispatchRefunds();
        Assert.Equal(2, App.Stripe.RefundAttempts);

        App.Clock.Advance(RetryDelay);
        Assert.Equal(0, await App.DispatchRefunds());
        App.Clock.Advance(RetryDelay);
        Assert.Equal(1, await App.DispatchRefunds());
        Assert.Equal(3, App.Stripe.RefundAttempts);
        Assert.Equal("pending", Assert.Single((await Read(topUp)).Refunds).Status);
        Assert.Equal("15.00", await App.Balance());
    }

    [Fact]
    public async Task Dispatching_twice_sends_a_refund_once()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        await App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));
        Assert.Single(App.Database.Outbox);

        Assert.Equal(1, await App.DispatchRefunds());
        Assert.Equal(0, await App.DispatchRefunds());
        // Past any lease: a refund still in the outbox would be due again now.
        App.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await App.DispatchRefunds());

        Assert.Single(App.Stripe.Refunds);
        Assert.Equal(1, App.Stripe.RefundAttempts);
        Assert.Empty(App.Database.Outbox);
    }

    [Fact]
    public async Task A_refund_the_provider_refuses_fails_and_puts_the_amount_back_on_the_balance()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        App.Stripe.RefundRejection = "amount_too_large";
        var result = await App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));
        Assert.Equal("15.00", await App.Balance());

        Assert.Equal(1, await App.DispatchRefunds());

        Assert.Equal(1, App.Stripe.RefundAttempts);
        var read = await Read(topUp);
        var refund = Assert.Single(read.Refunds);
        Assert.Equal((result.Refund.Id, "failed", "refund_failed"), (refund.Id, refund.Status, refund.Failure?.Code));
        Assert.Equal(("succeeded", "20.00"), (read.Status, read.Refundable.Amount));
        Assert.Equal("20.00", await App.Balance());
        Assert.Single(App.Database.Journal.Postings, p => p.Key.Kind == PostingKind.RefundReversal);

        // Not sent again: a refusal is the provider's answer, not an outage.
        App.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await App.DispatchRefunds());
        Assert.Equal(1, App.Stripe.RefundAttempts);
        Assert.Empty(App.Database.Outbox);
    }

    [Fact]
    public async Task A_refund_the_provider_settles_while_it_waits_to_be_sent_again_is_not_sent_again()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        var refund = (await App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"))).Refund;
        // The first send gets no answer (the connection drops), so the dispatcher will try again later.
        App.Stripe.Unavailable = true;
        await App.DispatchRefunds();
        App.Stripe.Unavailable = false;
        Assert.Equal(EventOutcome.Applied, await App.Deliver(App.Event(topUp, ProviderEventKind.RefundSucceeded) with { RefundId = refund.Id }));

        App.Clock.Advance(RetryDelay + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await App.DispatchRefunds());

        Assert.Equal(1, App.Stripe.RefundAttempts);
        Assert.Empty(App.Database.Outbox);
        Assert.Equal("succeeded", Assert.Single((await Read(topUp)).Refunds).Status);
        Assert.Equal("15.00", await App.Balance());
    }

    private Task<TopUpView> Read(TopUpView topUp) => App.Ask(new GetTopUpQuery(Account, topUp.Id));
}
