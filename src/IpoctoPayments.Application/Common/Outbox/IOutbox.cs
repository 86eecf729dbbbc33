namespace IpoctoPayments.Application.Common.Outbox;

/// <summary>
/// Calls to a provider waiting to be made. Each is added in the transaction that records what asks for it, and an
/// <see cref="OutboxDispatcher{TMessage}"/> makes it after the commit, so no provider is called with a transaction open.
/// </summary>
public interface IOutbox<TMessage>
    where TMessage : IOutboxMessage
{
    /// <summary>
    /// Leases up to <paramref name="limit"/> messages that are due and not leased by another instance, until
    /// <paramref name="leasedUntil"/>. Each is leased by one instance; one whose instance died is due again when its lease ends.
    /// </summary>
    Task<IReadOnlyList<TMessage>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leasedUntil, int limit, CancellationToken cancellationToken);

    /// <summary>The call reached its provider (or no longer needs to be made): it leaves the outbox.</summary>
    Task RemoveAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The provider could not be reached: the lease ends and the message is due again at <paramref name="dueAt"/>.</summary>
    Task RetryLaterAsync(Guid id, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken);
}

/// <summary>A leased message: its id in the outbox, and how many sends failed before this one.</summary>
public interface IOutboxMessage
{
    Guid Id { get; }

    int Attempts { get; }
}
