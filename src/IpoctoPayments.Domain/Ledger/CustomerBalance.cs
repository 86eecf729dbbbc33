using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Ledger;

/// <summary>
/// A customer's balance in one currency: the sum of their account's entries, kept as a row beside the postings.
/// Applying a posting that would take it below zero is refused, so a refund can never spend money already spent.
/// </summary>
public sealed record CustomerBalance(AccountId Account, Money Available)
{
    public LedgerAccount LedgerAccount => LedgerAccount.CustomerBalance(Account, Available.Currency);

    public static CustomerBalance Empty(AccountId account, Currency currency) => new(account, Money.Zero(currency));

    public Result<CustomerBalance> Apply(Posting posting)
    {
        ArgumentNullException.ThrowIfNull(posting);
        var after = Available.MinorUnits + posting.NetCreditTo(LedgerAccount);
        return after < 0
            ? new DomainError("insufficient_balance", $"Posting {posting.Key} would take the balance of {Account} below zero ({Available} available).")
            : this with { Available = Money.FromMinorUnits(after, Available.Currency).Value };
    }
}
