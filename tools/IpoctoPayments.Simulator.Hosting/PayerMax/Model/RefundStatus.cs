namespace IpoctoPayments.Simulator.PayerMax.Model;

/// <summary>PayerMax's refund statuses, spelled as on the wire.</summary>
internal static class RefundStatus
{
    public const string Pending = "REFUND_PENDING";
    public const string Success = "REFUND_SUCCESS";
    public const string Failed = "REFUND_FAILED";
}
