using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Ledger;

/// <summary>
/// One immutable ledger transaction: entries whose debits equal their credits in every currency. A mistake is put right
/// by another posting, never by an edit.
/// </summary>
public sealed class Posting
{
    private Posting(PostingKey key, IReadOnlyList<Entry> entries, DateTimeOffset postedAt, string? reference)
    {
        Key = key;
        Entries = entries;
        PostedAt = postedAt;
        Reference = reference;
    }

    public PostingKey Key { get; }

    public IReadOnlyList<Entry> Entries { get; }

    public DateTimeOffset PostedAt { get; }

    /// <summary>What the money paid for, as the caller names it (billing's invoice or subscription), when not a top-up's.</summary>
    public string? Reference { get; }

    /// <summary>Refuses anything that is not balanced per currency or has an entry that is zero or in the wrong currency.</summary>
    public static Result<Posting> Create(PostingKey key, IEnumerable<Entry> entries, DateTimeOffset postedAt, string? reference = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(entries);
        var lines = entries.ToList();

        if (lines.Count < 2)
            return Unbalanced(key, "needs at least two entries");
        if (lines.Find(e => e.Amount.IsZero) is { } zero)
            return Unbalanced(key, $"has a zero entry on {zero.Account}");
        if (lines.Find(e => e.Amount.Currency != e.Account.Currency) is { } foreign)
            return Unbalanced(key, $"puts {foreign.Amount.Currency} on {foreign.Account}");
        if (lines.GroupBy(e => e.Amount.Currency).FirstOrDefault(c => c.Sum(e => e.CreditNormalAmount) != 0) is { } uneven)
            return Unbalanced(key, $"does not balance in {uneven.Key}");

        return new Posting(key, lines, postedAt, reference);
    }

    /// <summary>
    /// Whether a resubmission is the same posting (same key, reference and entries; the time may differ). Same → "exists", an
    /// idempotent success; same key but different → a conflict to be investigated.
    /// </summary>
    public bool IsSameAs(Posting other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Key == other.Key && Reference == other.Reference && Entries.SequenceEqual(other.Entries);
    }

    /// <summary>The net effect on one account, credit-normal (a customer's balance goes up by this much).</summary>
    public long NetCreditTo(LedgerAccount account) =>
        Entries.Where(e => e.Account == account).Sum(e => e.CreditNormalAmount);

    private static DomainError Unbalanced(PostingKey key, string why) => new("posting_unbalanced", $"Posting {key} {why}.");
}
