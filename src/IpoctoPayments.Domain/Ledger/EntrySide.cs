namespace IpoctoPayments.Domain.Ledger;

public enum EntrySide
{
    Debit = 1,
    Credit = 2,
}
