using IpoctoPayments.Application.Common.Outbox;

namespace IpoctoPayments.Application.Refunds;

/// <summary>The <c>RefundDispatch</c> section: how refunds recorded by the service are sent to the providers.</summary>
public sealed class RefundDispatchOptions : OutboxDispatchOptions
{
    public const string Section = "RefundDispatch";
}
