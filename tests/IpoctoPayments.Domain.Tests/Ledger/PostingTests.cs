using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Ledger;
using static IpoctoPayments.Domain.Tests.Orders;

namespace IpoctoPayments.Domain.Tests.Ledger;

public sealed class PostingTests
{
    private static readonly Guid OrderId = Guid.CreateVersion7(T0);
    private static readonly Guid RefundId = Guid.CreateVersion7(T0.AddDays(1));

    public static TheoryData<string> EveryKindOfPosting => ["top-up", "top-up in PHP", "late credit", "refund", "refund in PHP", "hold", "late refund", "reversal"];

    private static Posting Build(string name) => name switch
    {
        "top-up" => Postings.TopUpCredit(OrderId, Account, PaymentProvider.Stripe, Usd("20.00"), Usd("20.00"), T0),
        "top-up in PHP" => Postings.TopUpCredit(OrderId, Account, PaymentProvider.PayerMax, Php("1165.00"), Usd("20.00"), T0),
        "late credit" => Postings.LateCaptureCredit(OrderId, Account, PaymentProvider.PayerMax, Php("1165.00"), Usd("20.00"), T0),
        "refund" => Postings.RefundDebit(OrderId, RefundId, Account, PaymentProvider.Stripe, Usd("5.00"), Usd("5.00"), T0),
        "refund in PHP" => Postings.RefundDebit(OrderId, RefundId, Account, PaymentProvider.PayerMax, Usd("5.00"), Php("291.25"), T0),
        "hold" => Postings.LateCaptureHold(OrderId, PaymentProvider.PayerMax, Php("1165.00"), T0),
        "late refund" => Postings.LateCaptureRefund(OrderId, RefundId, PaymentProvider.PayerMax, Php("1165.00"), T0),
        _ => Postings.Reversal(Build("refund in PHP"), T0).Value,
    };

    [Theory]
    [MemberData(nameof(EveryKindOfPosting))]
    public void Every_posting_sums_to_zero_in_every_currency(string name)
    {
        var posting = Build(name);

        Assert.All(posting.Entries.GroupBy(e => e.Amount.Currency), currency => Assert.Equal(0, currency.Sum(e => e.CreditNormalAmount)));
        Assert.All(posting.Entries, e => Assert.Equal(e.Account.Currency, e.Amount.Currency));
        Assert.All(posting.Entries, e => Assert.False(e.Amount.IsZero));
    }

    [Fact]
    public void A_top_up_debits_the_providers_clearing_and_credits_the_customers_balance()
    {
        var posting = Build("top-up");

        Assert.Equal(new PostingKey(OrderId, PostingKind.TopUpCredit), posting.Key);
        Assert.Equal(2000, posting.NetCreditTo(LedgerAccount.CustomerBalance(Account, Currency.Usd)));
        Assert.Equal(-2000, posting.NetCreditTo(LedgerAccount.ProviderClearing(PaymentProvider.Stripe, Currency.Usd)));
    }

    [Fact]
    public void A_top_up_paid_in_pesos_crosses_the_exchange_positions_at_the_locked_amounts()
    {
        var posting = Build("top-up in PHP");
        var php = Php("0").Currency;

        Assert.Equal(-116500, posting.NetCreditTo(LedgerAccount.ProviderClearing(PaymentProvider.PayerMax, php)));
        Assert.Equal(116500, posting.NetCreditTo(LedgerAccount.ExchangePosition(php)));
        Assert.Equal(-2000, posting.NetCreditTo(LedgerAccount.ExchangePosition(Currency.Usd)));
        Assert.Equal(2000, posting.NetCreditTo(LedgerAccount.CustomerBalance(Account, Currency.Usd)));
    }

    [Fact]
    public void A_late_capture_is_held_in_suspense_outside_any_balance()
    {
        var posting = Build("hold");

        Assert.Equal(116500, posting.NetCreditTo(LedgerAccount.LateCaptureSuspense(PaymentProvider.PayerMax, Php("0").Currency)));
        Assert.DoesNotContain(posting.Entries, e => e.Account.Type == LedgerAccountType.CustomerBalance);
    }

    [Fact]
    public void A_late_capture_kept_by_policy_is_credited_under_the_top_up_key()
    {
        Assert.Equal(Build("top-up in PHP").Key, Build("late credit").Key);
    }

    [Fact]
    public void A_refund_reversal_mirrors_the_refund_under_its_own_key()
    {
        var refund = Build("refund in PHP");
        var reversal = Build("reversal");

        Assert.Equal(new PostingKey(OrderId, PostingKind.RefundReversal, RefundId), reversal.Key);
        Assert.All(refund.Entries.Select(e => e.Account).Distinct(), a => Assert.Equal(-refund.NetCreditTo(a), reversal.NetCreditTo(a)));
    }

    [Fact]
    public void Only_refund_postings_can_be_reversed()
    {
        Assert.Equal("not_reversible", Postings.Reversal(Build("top-up"), T0).Error!.Code);
    }

    [Fact]
    public void An_unbalanced_posting_cannot_be_made()
    {
        var customer = LedgerAccount.CustomerBalance(Account, Currency.Usd);
        var clearing = LedgerAccount.ProviderClearing(PaymentProvider.Stripe, Currency.Usd);

        var posting = Posting.Create(new PostingKey(OrderId, PostingKind.TopUpCredit),
            [new Entry(clearing, EntrySide.Debit, Usd("20.00")), new Entry(customer, EntrySide.Credit, Usd("20.01"))], T0);

        Assert.Equal("posting_unbalanced", posting.Error!.Code);
    }

    [Fact]
    public void A_posting_balanced_only_across_currencies_is_not_balanced()
    {
        var clearing = LedgerAccount.ProviderClearing(PaymentProvider.PayerMax, Php("0").Currency);
        var customer = LedgerAccount.CustomerBalance(Account, Currency.Usd);

        var posting = Posting.Create(new PostingKey(OrderId, PostingKind.TopUpCredit),
            [new Entry(clearing, EntrySide.Debit, Php("20.00")), new Entry(customer, EntrySide.Credit, Usd("20.00"))], T0);

        Assert.Equal("posting_unbalanced", posting.Error!.Code);
    }

    [Fact]
    public void Zero_single_or_wrong_currency_entries_are_refused()
    {
        var customer = LedgerAccount.CustomerBalance(Account, Currency.Usd);
        var clearing = LedgerAccount.ProviderClearing(PaymentProvider.Stripe, Currency.Usd);
        var key = new PostingKey(OrderId, PostingKind.TopUpCredit);

        Assert.False(Posting.Create(key, [new Entry(customer, EntrySide.Credit, Usd("1.00"))], T0).IsSuccess);
        Assert.False(Posting.Create(key, [new Entry(clearing, EntrySide.Debit, Usd("0")), new Entry(customer, EntrySide.Credit, Usd("0"))], T0).IsSuccess);
        Assert.False(Posting.Create(key, [new Entry(clearing, EntrySide.Debit, Php("1.00")), new Entry(customer, EntrySide.Credit, Php("1.00"))], T0).IsSuccess);
    }

    [Fact]
    public void A_resubmitted_posting_is_the_same_whatever_its_time()
    {
        var first = Build("top-up");
        var again = Postings.TopUpCredit(OrderId, Account, PaymentProvider.Stripe, Usd("20.00"), Usd("20.00"), T0.AddHours(2));
        var other = Postings.TopUpCredit(OrderId, Account, PaymentProvider.Stripe, Usd("25.00"), Usd("25.00"), T0);

        Assert.True(first.IsSameAs(again));
        Assert.False(first.IsSameAs(other));
    }

    [Fact]
    public void Ledger_accounts_have_stable_names()
    {
        Assert.Equal("customer:acc-42:USD", LedgerAccount.CustomerBalance(Account, Currency.Usd).Code);
        Assert.Equal("clearing:PayerMax:PHP", LedgerAccount.ProviderClearing(PaymentProvider.PayerMax, Php("0").Currency).Code);
        Assert.Equal("exchange::PHP", LedgerAccount.ExchangePosition(Php("0").Currency).Code);
        Assert.Equal("late-capture:Stripe:USD", LedgerAccount.LateCaptureSuspense(PaymentProvider.Stripe, Currency.Usd).Code);
    }
}
