namespace IpoctoPayments.Domain.TopUps;

/// <summary>The states of DESIGN.md's table.</summary>
public enum TopUpStatus
{
    AwaitingPayment = 1,
    Succeeded = 2,
    Failed = 3,
    Expired = 4,
    Cancelled = 5,
    /// <summary>Paid after the order had failed, expired or been cancelled ("deducted but failed"): refunded or credited by policy.</summary>
    LateCapture = 6,
    PartiallyRefunded = 7,
    Refunded = 8,
}
