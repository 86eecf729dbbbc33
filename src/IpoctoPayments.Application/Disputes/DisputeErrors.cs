using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Application.Disputes;

public static class DisputeErrors
{
    public static AppException NotFound(Guid disputeId) => AppException.NotFound("dispute_not_found", $"No dispute {disputeId}.");

    public static AppException NotAnsweredByApi(PaymentProvider provider) => AppException.Unprocessable("dispute_action_not_supported",
        $"{provider} takes a chargeback's evidence and acceptance in its merchant portal (MMC), not through its API: "
        + "answer the case there; the top-up follows the provider's notifications of it.");
}
