using IpoctoPayments.Application.Common.Errors;

namespace IpoctoPayments.Application.TopUps;

internal static class TopUpErrors
{
    public static AppException NotFound(Guid id) => AppException.NotFound("topup_not_found", $"No top-up {id} on this account.");
}
