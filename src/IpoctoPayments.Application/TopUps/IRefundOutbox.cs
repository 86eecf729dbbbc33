namespace IpoctoPayments.Application.TopUps;

/// <summary>
/// Refunds waiting to be sent to their provider. A refund is added in the transaction that records it and debits the
/// ledger; <see cref="Refunds.RefundDispatcher"/> sends it after the commit, so no provider is called with a transaction open.
/// </summary>
public interface IRefundOutbox
{
    /// <summary>Kept in the caller's unit of work: the refund is sent only if what asked for it commits.</summary>
    void Add(Guid orderId, Guid refundId, DateTimeOffset at);

    /// <summary>
    /// Leases up to <paramref name="limit"/> refunds that are due and not leased by another instance, until
    /// <paramref name="leasedUntil"/>. Each is leased by one instance; one whose instance died is due again when its lease ends.
    /// </summary>
    Task<IReadOnlyList<RefundToSend>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leasedUntil, int limit, CancellationToken cancellationToken);

    /// <summary>The refund reached its provider (or no longer needs to): it leaves the outbox.</summary>
    Task RemoveAsync(Guid refundId, CancellationToken cancellationToken);

    /// <summary>The provider could not be reached: the lease ends and the refund is due again at <paramref name="dueAt"/>.</summary>
    Task RetryLaterAsync(Guid refundId, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken);
}

/// <summary>A leased refund; <see cref="Attempts"/> is how many sends failed before this one.</summary>
public sealed record RefundToSend(Guid OrderId, Guid RefundId, int Attempts);
