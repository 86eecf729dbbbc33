using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Ledger;

/// <summary>
/// A customer's balance in one currency: the sum of their account's entries, kept as a row beside the postings. Only a
/// dispute takes it below zero, and by no more than <see cref="DisputedMinorUnits"/> — what disputes still open or lost
/// withdrew. The <see cref="Journal"/> refuses anything else, and so do the database's conditional statements.
/// </summary>
public sealed record CustomerBalance(AccountId Account, Currency Currency, long MinorUnits, long DisputedMinorUnits = 0)
{
    public LedgerAccount LedgerAccount => LedgerAccount.CustomerBalance(Account, Currency);

    /// <summary>What can be spent: the balance, or nothing while a dispute holds it below zero.</summary>
    public Money Available => Money.FromMinorUnits(Math.Max(MinorUnits, 0), Currency).Value;

    /// <summary>How far below zero a dispute took the balance; zero when it is not.</summary>
    public Money Owed => Money.FromMinorUnits(Math.Max(-MinorUnits, 0), Currency).Value;

    public bool IsNegative => MinorUnits < 0;

    /// <summary>What disputes still open or lost withdrew from this balance.</summary>
    public Money Disputed => Money.FromMinorUnits(DisputedMinorUnits, Currency).Value;

    public static CustomerBalance Empty(AccountId account, Currency currency) => new(account, currency, 0);
}
