using IpoctoPayments.Application.Common.Outbox;

namespace IpoctoPayments.Application.TopUps;

/// <summary>
/// Refunds waiting to be sent to their provider. A refund is added in the transaction that records it and debits the
/// ledger; <see cref="Refunds.RefundDispatcher"/> sends it after the commit, so no provider is called with a transaction open.
/// </summary>
public interface IRefundOutbox : IOutbox<RefundToSend>
{
    /// <summary>Kept in the caller's unit of work: the refund is sent only if what asked for it commits.</summary>
    void Add(Guid orderId, Guid refundId, DateTimeOffset at);
}

/// <summary>A leased refund; <see cref="Attempts"/> is how many sends failed before this one.</summary>
public sealed record RefundToSend(Guid OrderId, Guid RefundId, int Attempts) : IOutboxMessage
{
    Guid IOutboxMessage.Id => RefundId;
}
