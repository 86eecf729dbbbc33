using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Ledger;

/// <summary>
/// The ledger's rules in one place: one posting per key, identical resubmissions answered "exists", a debit only where
/// the balance holds it, and a balance below zero only through a dispute, by no more than the disputes still standing.
/// The database enforces the same with a unique key and guarded balance statements; this in-memory journal is the
/// reference they are tested against.
/// </summary>
public sealed class Journal
{
    private readonly Dictionary<PostingKey, Posting> postings = [];
    private readonly List<Posting> inOrder = [];
    private readonly Dictionary<LedgerAccount, long> creditNormal = [];
    private readonly Dictionary<LedgerAccount, long> disputed = [];

    public IReadOnlyList<Posting> Postings => inOrder;

    public PostResult Post(Posting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        if (postings.TryGetValue(posting.Key, out var existing))
            return existing.IsSameAs(posting) ? PostResult.AlreadyExists : PostResult.Conflict;

        var customers = posting.Entries.Select(e => e.Account).Where(a => a.Type == LedgerAccountType.CustomerBalance).Distinct().ToList();
        // A chargeback is taken whether or not the money is still there; every other debit needs it there.
        if (posting.Key.Kind != PostingKind.DisputeWithdrawal
            && customers.Any(a => posting.NetCreditTo(a) < 0 && BalanceOf(a) + posting.NetCreditTo(a) < 0))
            return PostResult.InsufficientBalance;

        postings.Add(posting.Key, posting);
        inOrder.Add(posting);
        foreach (var entry in posting.Entries)
            creditNormal[entry.Account] = BalanceOf(entry.Account) + entry.CreditNormalAmount;
        if (posting.Key.Kind is PostingKind.DisputeWithdrawal or PostingKind.DisputeReinstatement)
        {
            foreach (var customer in customers)
                disputed[customer] = disputed.GetValueOrDefault(customer) - posting.NetCreditTo(customer);
        }

        return PostResult.Posted;
    }

    public Posting? Find(PostingKey key) => postings.GetValueOrDefault(key);

    /// <summary>Credits minus debits: positive for a customer's balance, negative for an asset such as a provider's clearing.</summary>
    public long BalanceOf(LedgerAccount account) => creditNormal.GetValueOrDefault(account);

    public CustomerBalance BalanceOf(AccountId account, Currency currency)
    {
        var ledgerAccount = LedgerAccount.CustomerBalance(account, currency);
        return new CustomerBalance(account, currency, BalanceOf(ledgerAccount), disputed.GetValueOrDefault(ledgerAccount));
    }
}
