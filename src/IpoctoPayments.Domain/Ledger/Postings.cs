using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Ledger;

/// <summary>
/// Builds the balanced posting for each business event. Where the paid currency differs from the balance currency, the
/// money crosses the exchange position of each currency at the order's locked amounts, so every currency still sums to zero.
/// </summary>
public static class Postings
{
    /// <summary>A paid top-up: the provider's clearing account is debited with the charge, the customer's balance credited.</summary>
    public static Posting TopUpCredit(Guid orderId, AccountId account, PaymentProvider provider, Money charge, Money credit, DateTimeOffset at) =>
        Build(new PostingKey(orderId, PostingKind.TopUpCredit), at,
            Move(LedgerAccount.ProviderClearing(provider, Currency(charge)), charge, Customer(account, credit), credit));

    /// <summary>A late capture kept by policy: credited from suspense, under the top-up's own key so it is credited once.</summary>
    public static Posting LateCaptureCredit(Guid orderId, AccountId account, PaymentProvider provider, Money charge, Money credit, DateTimeOffset at) =>
        Build(new PostingKey(orderId, PostingKind.TopUpCredit), at,
            Move(LedgerAccount.LateCaptureSuspense(provider, Currency(charge)), charge, Customer(account, credit), credit));

    /// <summary>A refund requested: the balance is debited at once, and the provider's clearing credited with what it pays back.</summary>
    public static Posting RefundDebit(Guid orderId, Guid refundId, AccountId account, PaymentProvider provider, Money credit, Money charge, DateTimeOffset at) =>
        Build(new PostingKey(orderId, PostingKind.RefundDebit, refundId), at,
            Move(Customer(account, credit), credit, LedgerAccount.ProviderClearing(provider, Currency(charge)), charge));

    /// <summary>Money captured after its order closed: held in suspense, outside any balance.</summary>
    public static Posting LateCaptureHold(Guid orderId, PaymentProvider provider, Money charge, DateTimeOffset at) =>
        Build(new PostingKey(orderId, PostingKind.LateCaptureHold), at,
            Move(LedgerAccount.ProviderClearing(provider, Currency(charge)), charge, LedgerAccount.LateCaptureSuspense(provider, charge.Currency), charge));

    /// <summary>A late capture sent back: out of suspense, back through the provider.</summary>
    public static Posting LateCaptureRefund(Guid orderId, Guid refundId, PaymentProvider provider, Money charge, DateTimeOffset at) =>
        Build(new PostingKey(orderId, PostingKind.LateCaptureRefund, refundId), at,
            Move(LedgerAccount.LateCaptureSuspense(provider, Currency(charge)), charge, LedgerAccount.ProviderClearing(provider, charge.Currency), charge));

    /// <summary>ipocto's billing spends the balance on its services: the customer's balance is debited, revenue credited.</summary>
    public static Posting BillingDebit(Guid debitId, AccountId account, Money amount, string reference, DateTimeOffset at) =>
        Build(new PostingKey(debitId, PostingKind.BillingDebit), at,
            Move(Customer(account, amount), amount, LedgerAccount.Revenue(amount.Currency), amount), reference);

    /// <summary>
    /// A chargeback: the disputed credit leaves the customer's balance — below zero if it was spent — for the disputes
    /// account, at the disputed charge, since the provider has withdrawn that much.
    /// </summary>
    public static Posting DisputeWithdrawal(Guid orderId, Guid disputeId, AccountId account, PaymentProvider provider, Money credit, Money charge, DateTimeOffset at) =>
        Build(new PostingKey(orderId, PostingKind.DisputeWithdrawal, disputeId), at,
            Move(Customer(account, credit), credit, LedgerAccount.Disputes(provider, Currency(charge)), charge));

    /// <summary>
    /// A refund that failed, a billing debit cancelled or a dispute won, corrected: the mirror of its posting, so the
    /// balance (or the suspense) gets its money back.
    /// </summary>
    public static Result<Posting> Reversal(Posting original, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(original);
        PostingKind? kind = original.Key.Kind switch
        {
            PostingKind.RefundDebit or PostingKind.LateCaptureRefund => PostingKind.RefundReversal,
            PostingKind.BillingDebit => PostingKind.BillingDebitReversal,
            PostingKind.DisputeWithdrawal => PostingKind.DisputeReinstatement,
            _ => null,
        };
        if (kind is null)
            return new DomainError("not_reversible", $"Only a refund, a billing debit or a dispute withdrawal can be reversed, not {original.Key}.");

        var mirrored = original.Entries.Select(e => e with { Side = e.Side == EntrySide.Debit ? EntrySide.Credit : EntrySide.Debit });
        return Posting.Create(original.Key with { Kind = kind.Value }, mirrored, at, original.Reference);
    }

    private static Posting Build(PostingKey key, DateTimeOffset at, IEnumerable<Entry> entries, string? reference = null) =>
        // The factories balance by construction; a failure here is a bug in this class, not bad input.
        Posting.Create(key, entries, at, reference) is { IsSuccess: true } posting
            ? posting.Value
            : throw new InvalidOperationException($"Posting {key} is not balanced.");

    /// <summary>Debits <paramref name="from"/> and credits <paramref name="to"/>, across the exchange positions when the currencies differ.</summary>
    private static IEnumerable<Entry> Move(LedgerAccount from, Money fromAmount, LedgerAccount to, Money toAmount)
    {
        if (fromAmount.Currency == toAmount.Currency)
        {
            if (fromAmount != toAmount)
                throw new ArgumentException($"{fromAmount} and {toAmount} differ in one currency.", nameof(toAmount));
            return [new(from, EntrySide.Debit, fromAmount), new(to, EntrySide.Credit, toAmount)];
        }

        return
        [
            new(from, EntrySide.Debit, fromAmount),
            new(LedgerAccount.ExchangePosition(fromAmount.Currency), EntrySide.Credit, fromAmount),
            new(LedgerAccount.ExchangePosition(toAmount.Currency), EntrySide.Debit, toAmount),
            new(to, EntrySide.Credit, toAmount),
        ];
    }

    private static LedgerAccount Customer(AccountId account, Money amount) => LedgerAccount.CustomerBalance(account, Currency(amount));

    private static Currency Currency(Money amount)
    {
        ArgumentNullException.ThrowIfNull(amount);
        return amount.Currency;
    }
}
