using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Ledger;

/// <summary>
/// The ledger's rules in one place: one posting per key, identical resubmissions answered "exists", customer balances
/// never below zero. The database enforces the same with a unique key and a guarded balance row; this in-memory journal
/// is the reference they are tested against.
/// </summary>
public sealed class Journal
{
    private readonly Dictionary<PostingKey, Posting> postings = [];
    private readonly List<Posting> inOrder = [];
    private readonly Dictionary<LedgerAccount, long> creditNormal = [];

    public IReadOnlyList<Posting> Postings => inOrder;

    public PostResult Post(Posting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        if (postings.TryGetValue(posting.Key, out var existing))
            return existing.IsSameAs(posting) ? PostResult.AlreadyExists : PostResult.Conflict;

        var customers = posting.Entries.Select(e => e.Account).Where(a => a.Type == LedgerAccountType.CustomerBalance).Distinct();
        if (customers.Any(a => BalanceOf(a) + posting.NetCreditTo(a) < 0))
            return PostResult.InsufficientBalance;

        postings.Add(posting.Key, posting);
        inOrder.Add(posting);
        foreach (var entry in posting.Entries)
            creditNormal[entry.Account] = BalanceOf(entry.Account) + entry.CreditNormalAmount;
        return PostResult.Posted;
    }

    public Posting? Find(PostingKey key) => postings.GetValueOrDefault(key);

    /// <summary>Credits minus debits: positive for a customer's balance, negative for an asset such as a provider's clearing.</summary>
    public long BalanceOf(LedgerAccount account) => creditNormal.GetValueOrDefault(account);

    public CustomerBalance BalanceOf(AccountId account, Currency currency)
    {
        var balance = CustomerBalance.Empty(account, currency);
        return balance with { Available = Money.FromMinorUnits(BalanceOf(balance.LedgerAccount), currency).Value };
    }
}
