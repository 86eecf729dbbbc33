namespace IpoctoPayments.Domain.Refunds;

public enum RefundStatus
{
    Pending = 1,
    Succeeded = 2,
    Failed = 3,
}
