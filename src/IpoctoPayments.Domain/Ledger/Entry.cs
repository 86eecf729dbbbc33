using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Ledger;

/// <summary>One line of a posting: an amount (always positive) debited or credited to one account.</summary>
public sealed record Entry(LedgerAccount Account, EntrySide Side, Money Amount)
{
    /// <summary>The entry's effect on a credit-normal account such as a customer balance: + for credit, − for debit.</summary>
    public long CreditNormalAmount => Side == EntrySide.Credit ? Amount.MinorUnits : -Amount.MinorUnits;
}
