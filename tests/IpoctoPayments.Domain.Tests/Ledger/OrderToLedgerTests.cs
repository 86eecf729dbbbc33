using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Errors;
using IpoctoPayments.Domain.Ledger;
using IpoctoPayments.Domain.TopUps;
using static IpoctoPayments.Domain.Tests.Orders;

namespace IpoctoPayments.Domain.Tests.Ledger;

/// <summary>How a caller turns an order's transitions into postings, and what the customer's balance shows.</summary>
public sealed class OrderToLedgerTests
{
    private readonly Journal journal = new();

    private Money Balance => journal.BalanceOf(Account, Currency.Usd).Available;

    private PostResult Credit(TopUpOrder order) =>
        journal.Post(Postings.TopUpCredit(order.Id, order.AccountId, order.Provider, order.Charge, order.Credit, T0));

    [Fact]
    public void A_paid_event_delivered_twice_credits_the_balance_once()
    {
        var order = New("20.00", UsdToPhp("58.25"), PaymentProvider.PayerMax);

        Assert.True(order.MarkPaid(T0).IsApplied);
        Assert.Equal(PostResult.Posted, Credit(order));
        Assert.False(order.MarkPaid(T0).IsApplied);
        // Even a caller that posts again regardless is answered "exists".
        Assert.Equal(PostResult.AlreadyExists, Credit(order));

        Assert.Equal(Usd("20.00"), Balance);
    }

    [Fact]
    public void A_refund_debits_the_balance_at_request_and_a_failure_restores_it()
    {
        var order = In(TopUpStatus.Succeeded);
        Credit(order);
        var refund = order.RequestRefund(Guid.NewGuid(), Usd("5.00"), T0).Value;
        var debit = Postings.RefundDebit(order.Id, refund.Id, order.AccountId, order.Provider, refund.Credit, refund.Charge, T0);

        Assert.Equal(PostResult.Posted, journal.Post(debit));
        Assert.Equal(Usd("15.00"), Balance);

        order.FailRefund(refund.Id, PaymentErrors.RefundFailed, T0);
        journal.Post(Postings.Reversal(debit, T0).Value);

        Assert.Equal(Usd("20.00"), Balance);
        Assert.Equal(Usd("20.00"), order.RefundableCredit);
    }

    [Fact]
    public void A_refund_of_money_already_spent_is_refused_by_the_balance()
    {
        var order = In(TopUpStatus.Succeeded);
        Credit(order);
        var spent = Postings.RefundDebit(Guid.NewGuid(), Guid.NewGuid(), Account, PaymentProvider.Stripe, Usd("18.00"), Usd("18.00"), T0);
        journal.Post(spent);
        var refund = order.RequestRefund(Guid.NewGuid(), null, T0).Value;

        var result = journal.Post(Postings.RefundDebit(order.Id, refund.Id, order.AccountId, order.Provider, refund.Credit, refund.Charge, T0));

        Assert.Equal(PostResult.InsufficientBalance, result);
        Assert.Equal(Usd("2.00"), Balance);
    }

    [Fact]
    public void A_late_capture_refunded_automatically_never_reaches_the_balance()
    {
        var order = In(TopUpStatus.Expired);
        order.MarkPaid(T0);
        journal.Post(Postings.LateCaptureHold(order.Id, order.Provider, order.Charge, T0));
        var refund = order.RequestLateCaptureRefund(Guid.NewGuid(), T0).Value;
        journal.Post(Postings.LateCaptureRefund(order.Id, refund.Id, order.Provider, refund.Charge, T0));
        order.ConfirmRefund(refund.Id, T0);

        Assert.Equal(TopUpStatus.Refunded, order.Status);
        Assert.True(Balance.IsZero);
        Assert.Equal(0, journal.BalanceOf(LedgerAccount.LateCaptureSuspense(order.Provider, order.Charge.Currency)));
    }

    [Fact]
    public void A_late_capture_kept_by_policy_is_credited_once_like_any_top_up()
    {
        var order = In(TopUpStatus.LateCapture);
        journal.Post(Postings.LateCaptureHold(order.Id, order.Provider, order.Charge, T0));

        order.CreditLateCapture(T0);
        var credit = Postings.LateCaptureCredit(order.Id, order.AccountId, order.Provider, order.Charge, order.Credit, T0);

        Assert.Equal(PostResult.Posted, journal.Post(credit));
        Assert.Equal(PostResult.Conflict, Credit(order));
        Assert.Equal(Usd("20.00"), Balance);
    }
}
