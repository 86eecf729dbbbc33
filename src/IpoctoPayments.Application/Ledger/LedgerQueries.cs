using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Application.Ledger;

internal static class LedgerQueries
{
    public static AccountId Account(string accountId)
    {
        var account = AccountId.Parse(accountId);
        return account.IsSuccess ? account.Value : throw AppException.Invalid(account.Error!.Code, account.Error.Message, "accountId");
    }
}
