using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Application.Refunds.RequestRefund;
using IpoctoPayments.Application.TopUps.GetTopUp;
using IpoctoPayments.Domain.Ledger;
using static IpoctoPayments.Application.Tests.PaymentsHarness;

namespace IpoctoPayments.Application.Tests;

public sealed class RequestRefundTests : IAsyncLifetime
{
    private readonly PaymentsHarness app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => app.DisposeAsync().AsTask();

    [Fact]
    public async Task A_full_refund_debits_the_whole_credit_and_sends_the_whole_charge_back()
    {
        var topUp = await app.PaidTopUp(StripeCard("20.00"));

        var result = await app.Send(new RequestRefundCommand(topUp.Id, null, null, "refund-1"));

        Assert.Equal(("pending", "20.00"), (result.Refund.Status, result.Refund.Amount.Amount));
        Assert.Equal("0.00", result.TopUp.Refundable.Amount);
        Assert.Equal("0.00", await app.Balance());
        Assert.Equal(2000L, Assert.Single(app.Stripe.Refunds).Amount.MinorUnits);
    }

    [Fact]
    public async Task A_partial_refund_leaves_the_rest_on_the_balance_and_refundable()
    {
        var topUp = await app.PaidTopUp(StripeCard("20.00"));

        var result = await app.Send(new RequestRefundCommand(topUp.Id, "5.00", "USD", "refund-1"));

        Assert.Equal("5.00", result.Refund.Amount.Amount);
        Assert.Equal("15.00", result.TopUp.Refundable.Amount);
        Assert.Equal("15.00", await app.Balance());
        Assert.Equal(500L, Assert.Single(app.Stripe.Refunds).Amount.MinorUnits);
    }

    [Fact]
    public async Task A_partial_refund_of_a_PHP_payment_returns_the_matching_PHP_at_the_locked_rate()
    {
        var topUp = await app.PaidTopUp(PayerMaxGCash("10.00"));

        var result = await app.Send(new RequestRefundCommand(topUp.Id, "4.00", null, "refund-1"));

        Assert.Equal(("4.00", "USD"), (result.Refund.Amount.Amount, result.Refund.Amount.Currency));
        Assert.Equal(("225.00", "PHP"), (result.Refund.Charge.Amount, result.Refund.Charge.Currency));
        Assert.Equal("6.00", await app.Balance());
    }

    [Fact]
    public async Task A_refund_above_what_is_left_is_refused_and_nothing_moves()
    {
        var topUp = await app.PaidTopUp(StripeCard("20.00"));
        await app.Send(new RequestRefundCommand(topUp.Id, "15.00", null, "refund-1"));

        var error = await Errors.Refused(() => app.Send(new RequestRefundCommand(topUp.Id, "10.00", null, "refund-2")));

        Assert.Equal((ErrorKind.Unprocessable, "refund_exceeds_remaining", "amount"), (error.Kind, error.Code, error.Field));
        Assert.Equal("5.00", await app.Balance());
        Assert.Single(app.Stripe.Refunds);
    }

    [Fact]
    public async Task An_unpaid_top_up_cannot_be_refunded()
    {
        var topUp = await app.CreateTopUp(StripeCard("20.00"));

        var error = await Errors.Refused(() => app.Send(new RequestRefundCommand(topUp.Id, null, null, "refund-1")));

        Assert.Equal((ErrorKind.Unprocessable, "order_not_refundable"), (error.Kind, error.Code));
        Assert.Empty(app.Stripe.Refunds);
        Assert.Empty(app.Database.Journal.Postings);
    }

    [Fact]
    public async Task A_refund_of_an_unknown_top_up_is_not_found()
    {
        var error = await Errors.Refused(() => app.Send(new RequestRefundCommand(Guid.CreateVersion7(), null, null, "refund-1")));

        Assert.Equal((ErrorKind.NotFound, "topup_not_found"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_refunds_and_debits_once()
    {
        var topUp = await app.PaidTopUp(StripeCard("20.00"));

        var first = await app.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));
        var again = await app.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));

        Assert.Equal(first.Refund.Id, again.Refund.Id);
        Assert.Single(again.TopUp.Refunds);
        Assert.Single(app.Stripe.Refunds);
        Assert.Single(app.Database.Journal.Postings, p => p.Key.Kind == PostingKind.RefundDebit);
        Assert.Equal("15.00", await app.Balance());
    }

    [Fact]
    public async Task A_refund_the_provider_fails_at_once_puts_the_amount_back_on_the_balance()
    {
        var topUp = await app.PaidTopUp(StripeCard("20.00"));
        app.Stripe.RefundStatus = SubmittedRefundStatus.Failed;

        var result = await app.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));

        Assert.Equal("failed", result.Refund.Status);
        Assert.Equal("refund_failed", result.Refund.Failure?.Code);
        Assert.Equal("20.00", result.TopUp.Refundable.Amount);
        Assert.Equal("20.00", await app.Balance());
    }

    [Fact]
    public async Task A_refund_the_provider_confirms_at_once_settles_immediately()
    {
        var topUp = await app.PaidTopUp(StripeCard("20.00"));
        app.Stripe.RefundStatus = SubmittedRefundStatus.Succeeded;

        var result = await app.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));

        Assert.Equal(("succeeded", "partially_refunded"), (result.Refund.Status, result.TopUp.Status));
        Assert.Equal("15.00", await app.Balance());
    }

    [Fact]
    public async Task A_provider_that_is_down_keeps_nothing_of_the_refund()
    {
        var topUp = await app.PaidTopUp(StripeCard("20.00"));
        var postingsBefore = app.Database.Journal.Postings.Count;
        app.Stripe.Unavailable = true;

        var error = await Errors.Refused(() => app.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1")));

        Assert.Equal((ErrorKind.ProviderUnavailable, "provider_unavailable"), (error.Kind, error.Code));
        Assert.Equal(postingsBefore, app.Database.Journal.Postings.Count);
        Assert.Equal("20.00", await app.Balance());
        var read = await app.Ask(new GetTopUpQuery(Account, topUp.Id));
        Assert.Empty(read.Refunds);
        Assert.Equal("20.00", read.Refundable.Amount);

        app.Stripe.Unavailable = false;
        var retried = await app.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));
        Assert.Equal("pending", retried.Refund.Status);
        Assert.Equal("15.00", await app.Balance());
    }
}
