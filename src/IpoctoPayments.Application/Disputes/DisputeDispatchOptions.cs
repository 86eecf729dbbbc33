using IpoctoPayments.Application.Common.Outbox;

namespace IpoctoPayments.Application.Disputes;

/// <summary>The <c>DisputeDispatch</c> section: how operators' evidence and acceptances are sent to the providers.</summary>
public sealed class DisputeDispatchOptions : OutboxDispatchOptions
{
    public const string Section = "DisputeDispatch";
}
