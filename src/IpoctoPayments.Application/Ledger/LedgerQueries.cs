using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Application.Ledger;

internal static class LedgerQueries
{
    public static AccountId Account(string accountId)
    {
        return AccountId.Parse(accountId).OrThrow(ErrorKind.Invalid, "accountId");
    }
}
