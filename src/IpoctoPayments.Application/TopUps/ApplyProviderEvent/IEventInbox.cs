using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Application.TopUps.ApplyProviderEvent;

/// <summary>Every provider event received, unique on (provider, event id): what makes a redelivery change nothing.</summary>
public interface IEventInbox
{
    Task<bool> ContainsAsync(PaymentProvider provider, string eventId, CancellationToken cancellationToken);

    void Add(InboxEntry entry);

    /// <summary>The events received about one order, oldest first, for its support timeline.</summary>
    Task<IReadOnlyList<InboxEntry>> ForOrderAsync(Guid orderId, CancellationToken cancellationToken);
}

public sealed record InboxEntry(PaymentProvider Provider, string EventId, string EventType, Guid? OrderId, string Outcome, DateTimeOffset ReceivedAt);
