using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Ledger;

/// <summary>
/// A customer's balance in one currency: the sum of their account's entries, kept as a row beside the postings. It never
/// goes below zero: the <see cref="Journal"/> refuses such a posting, and the database's conditional debit does the same.
/// </summary>
public sealed record CustomerBalance(AccountId Account, Money Available)
{
    public LedgerAccount LedgerAccount => LedgerAccount.CustomerBalance(Account, Available.Currency);

    public static CustomerBalance Empty(AccountId account, Currency currency) => new(account, Money.Zero(currency));
}
