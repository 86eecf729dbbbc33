using IpoctoPayments.Application.Disputes;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Domain.TopUps;

namespace IpoctoPayments.Application.Tests.Fakes;

/// <summary>One request's changes, like a DbContext's change tracker: kept until the unit of work commits or drops them.</summary>
public sealed class FakeSession
{
    public Dictionary<Guid, TopUpOrder> Orders { get; } = [];

    /// <summary>The orders added or updated: the ones the commit writes.</summary>
    public HashSet<Guid> Saved { get; } = [];

    public List<InboxEntry> Inbox { get; } = [];

    public List<OutboxRefund> Outbox { get; } = [];

    public List<DisputeActionToSend> DisputeActions { get; } = [];

    public void Clear()
    {
        Orders.Clear();
        Saved.Clear();
        Inbox.Clear();
        Outbox.Clear();
        DisputeActions.Clear();
    }
}
