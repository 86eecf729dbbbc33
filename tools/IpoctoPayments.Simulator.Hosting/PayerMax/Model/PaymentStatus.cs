namespace IpoctoPayments.Simulator.PayerMax.Model;

/// <summary>PayerMax's order statuses, spelled as on the wire.</summary>
internal static class PaymentStatus
{
    public const string Pending = "PENDING";
    public const string Success = "SUCCESS";
    public const string Failed = "FAILED";
    public const string Closed = "CLOSED";
}
