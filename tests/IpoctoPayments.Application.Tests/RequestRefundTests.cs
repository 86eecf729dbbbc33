using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Application.Refunds.RequestRefund;
using IpoctoPayments.Application.TopUps.CreateTopUp;
using IpoctoPayments.Application.TopUps.GetTopUp;
using IpoctoPayments.Domain.Ledger;
using static IpoctoPayments.Application.Tests.PaymentsHarness;

namespace IpoctoPayments.Application.Tests;

public sealed class RequestRefundTests : ApplicationTest
{
    [Theory]
    [InlineData(null, "20.00", "0.00", 2000L)]
    [InlineData("5.00", "5.00", "15.00", 500L)]
    public async Task A_refund_debits_the_balance_now_and_sends_the_charge_back(string? amount, string refunded, string left, long sentBackCents)
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));

        var result = await App.Send(new RequestRefundCommand(topUp.Id, amount, "USD", "refund-1"));

        Assert.Equal(("pending", refunded), (result.Refund.Status, result.Refund.Amount.Amount));
        Assert.Equal(("succeeded", left), (result.TopUp.Status, result.TopUp.Refundable.Amount));
        Assert.Equal(left, await App.Balance());
        Assert.Equal(sentBackCents, Assert.Single(App.Stripe.Refunds).Amount.MinorUnits);
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
        Assert.Single(App.Stripe.Refunds);
    }

    [Fact]
    public async Task A_top_up_paid_with_a_method_that_cannot_refund_is_refused_and_nothing_moves()
    {
        App.Rates.Set("USD", "EGP", "48.50");
        var topUp = await App.PaidTopUp(new CreateTopUpCommand(Account, "10.00", "USD", "payermax", "EG", "vodafone_cash", ReturnUrl, null));

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

        Assert.Equal(first.Refund.Id, again.Refund.Id);
        Assert.Single(again.TopUp.Refunds);
        Assert.Single(App.Stripe.Refunds);
        Assert.Single(App.Database.Journal.Postings, p => p.Key.Kind == PostingKind.RefundDebit);
        Assert.Equal("15.00", await App.Balance());
    }

    [Theory]
    [InlineData(SubmittedRefundStatus.Failed, "failed", "refund_failed", "succeeded", "20.00")]
    [InlineData(SubmittedRefundStatus.Succeeded, "succeeded", null, "partially_refunded", "15.00")]
    public async Task A_refund_the_provider_settles_at_once_settles_the_top_up_and_the_balance_at_once(
        SubmittedRefundStatus answer, string refundStatus, string? failureCode, string topUpStatus, string balance)
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        App.Stripe.RefundStatus = answer;

        var result = await App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));

        Assert.Equal((refundStatus, failureCode, topUpStatus), (result.Refund.Status, result.Refund.Failure?.Code, result.TopUp.Status));
        Assert.Equal(balance, result.TopUp.Refundable.Amount);
        Assert.Equal(balance, await App.Balance());
    }

    [Fact]
    public async Task A_provider_that_is_down_keeps_nothing_of_the_refund()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        var postingsBefore = App.Database.Journal.Postings.Count;
        App.Stripe.Unavailable = true;

        var error = await Errors.Refused(() => App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1")));

        Assert.Equal((ErrorKind.ProviderUnavailable, "provider_unavailable"), (error.Kind, error.Code));
        Assert.Equal(postingsBefore, App.Database.Journal.Postings.Count);
        Assert.Equal("20.00", await App.Balance());
        var read = await App.Ask(new GetTopUpQuery(Account, topUp.Id));
        Assert.Empty(read.Refunds);
        Assert.Equal("20.00", read.Refundable.Amount);

        App.Stripe.Unavailable = false;
        var retried = await App.Send(new RequestRefundCommand(topUp.Id, "5.00", null, "refund-1"));
        Assert.Equal("pending", retried.Refund.Status);
        Assert.Equal("15.00", await App.Balance());
    }
}
