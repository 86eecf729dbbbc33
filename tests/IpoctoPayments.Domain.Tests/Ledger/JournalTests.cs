using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Ledger;
using static IpoctoPayments.Domain.Tests.Orders;

namespace IpoctoPayments.Domain.Tests.Ledger;

public sealed class JournalTests
{
    private static readonly Guid OrderId = Guid.CreateVersion7(T0);

    private static Posting TopUp(string amount = "20.00") =>
        Postings.TopUpCredit(OrderId, Account, PaymentProvider.Stripe, Usd(amount), Usd(amount), T0);

    private static Posting Refund(Guid refundId, string amount) =>
        Postings.RefundDebit(OrderId, refundId, Account, PaymentProvider.Stripe, Usd(amount), Usd(amount), T0);

    [Fact]
    public void A_top_up_credits_the_customers_balance()
    {
        var journal = new Journal();

        Assert.Equal(PostResult.Posted, journal.Post(TopUp()));
        Assert.Equal(Usd("20.00"), journal.BalanceOf(Account, Currency.Usd).Available);
    }

    [Fact]
    public void The_same_top_up_posted_twice_is_one_posting_and_answers_exists()
    {
        var journal = new Journal();
        journal.Post(TopUp());

        Assert.Equal(PostResult.AlreadyExists, journal.Post(TopUp()));
        Assert.Single(journal.Postings);
        Assert.Equal(Usd("20.00"), journal.BalanceOf(Account, Currency.Usd).Available);
    }

    [Fact]
    public void Another_posting_under_a_used_key_is_a_conflict_and_changes_nothing()
    {
        var journal = new Journal();
        journal.Post(TopUp("20.00"));

        Assert.Equal(PostResult.Conflict, journal.Post(TopUp("25.00")));
        Assert.Equal(Usd("20.00"), journal.BalanceOf(Account, Currency.Usd).Available);
    }

    [Fact]
    public void A_refund_beyond_the_balance_is_refused_and_nothing_is_posted()
    {
        var journal = new Journal();
        journal.Post(TopUp("20.00"));
        journal.Post(Refund(Guid.NewGuid(), "15.00"));

        Assert.Equal(PostResult.InsufficientBalance, journal.Post(Refund(Guid.NewGuid(), "5.01")));
        Assert.Equal(2, journal.Postings.Count);
        Assert.Equal(Usd("5.00"), journal.BalanceOf(Account, Currency.Usd).Available);
    }

    [Fact]
    public void A_failed_refund_restores_the_balance()
    {
        var journal = new Journal();
        journal.Post(TopUp("20.00"));
        var refund = Refund(Guid.NewGuid(), "20.00");
        journal.Post(refund);
        Assert.True(journal.BalanceOf(Account, Currency.Usd).Available.IsZero);

        Assert.Equal(PostResult.Posted, journal.Post(Postings.Reversal(refund, T0).Value));
        Assert.Equal(Usd("20.00"), journal.BalanceOf(Account, Currency.Usd).Available);
    }

    [Fact]
    public void A_late_capture_held_and_refunded_leaves_no_balance_and_empty_suspense()
    {
        var journal = new Journal();
        var charge = Php("1165.00");

        journal.Post(Postings.LateCaptureHold(OrderId, PaymentProvider.PayerMax, charge, T0));
        journal.Post(Postings.LateCaptureRefund(OrderId, Guid.NewGuid(), PaymentProvider.PayerMax, charge, T0));

        Assert.Equal(0, journal.BalanceOf(LedgerAccount.LateCaptureSuspense(PaymentProvider.PayerMax, charge.Currency)));
        Assert.Equal(0, journal.BalanceOf(LedgerAccount.ProviderClearing(PaymentProvider.PayerMax, charge.Currency)));
        Assert.True(journal.BalanceOf(Account, Currency.Usd).Available.IsZero);
    }

    [Fact]
    public void Across_all_postings_every_currency_still_sums_to_zero()
    {
        var journal = new Journal();
        journal.Post(Postings.TopUpCredit(OrderId, Account, PaymentProvider.PayerMax, Php("1165.00"), Usd("20.00"), T0));
        journal.Post(Postings.RefundDebit(OrderId, Guid.NewGuid(), Account, PaymentProvider.PayerMax, Usd("5.00"), Php("291.25"), T0));

        var all = journal.Postings.SelectMany(p => p.Entries);
        Assert.All(all.GroupBy(e => e.Amount.Currency), c => Assert.Equal(0, c.Sum(e => e.CreditNormalAmount)));
        Assert.Equal(Usd("15.00"), journal.BalanceOf(Account, Currency.Usd).Available);
    }
}
