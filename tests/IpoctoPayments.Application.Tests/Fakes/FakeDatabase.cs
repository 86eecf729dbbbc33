using IpoctoPayments.Application.Disputes;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Domain.Ledger;
using IpoctoPayments.Domain.TopUps;

namespace IpoctoPayments.Application.Tests.Fakes;

/// <summary>
/// What a database would hold once committed: orders as snapshots (like the real repository), idempotency keys,
/// the webhook inbox and the ledger's journal. Only <see cref="FakeUnitOfWork"/> writes to it.
/// </summary>
public sealed class FakeDatabase
{
    private readonly Dictionary<Guid, TopUpOrderSnapshot> orders = [];
    private readonly List<InboxEntry> inbox = [];

    public Journal Journal { get; private set; } = new();

    public int UnitsOfWork { get; private set; }

    /// <summary>How many coming commits meet a concurrent writer and run their work again.</summary>
    public int WriteConflicts { get; set; }

    public IReadOnlyCollection<TopUpOrderSnapshot> Orders => orders.Values;

    /// <summary>Callers' keys; changed in place by <see cref="FakeIdempotencyKeys"/>, as its statements autocommit.</summary>
    public Dictionary<(string Scope, string Key), StoredKey> IdempotencyKeys { get; } = [];

    /// <summary>When set, keeping a command's answer with its key fails, as a database gone at that moment would.</summary>
    public bool FailKeyCompletion { get; set; }

    public IReadOnlyList<InboxEntry> Inbox => inbox;

    /// <summary>Refunds recorded and not yet sent; changed in place by <see cref="FakeRefundOutbox"/>, as its statements autocommit.</summary>
    public List<OutboxRefund> Outbox { get; } = [];

    /// <summary>Answers to disputes recorded and not yet sent.</summary>
    public List<DisputeActionToSend> DisputeActions { get; } = [];

    internal int BeginUnitOfWork()
    {
        UnitsOfWork++;
        return Journal.Postings.Count;
    }

    internal void Commit(FakeSession session)
    {
        Outbox.AddRange(session.Outbox);
        DisputeActions.AddRange(session.DisputeActions);
        foreach (var order in session.Orders.Values.Where(o => session.Saved.Contains(o.Id)))
        {
            orders[order.Id] = order.ToSnapshot();
        }

        inbox.AddRange(session.Inbox);
    }

    /// <summary>The journal has no undo; a rolled-back unit of work rebuilds it from the postings committed before it.</summary>
    internal void RollBackJournalTo(int postings)
    {
        var kept = Journal.Postings.Take(postings).ToList();
        Journal = new Journal();
        foreach (var posting in kept)
        {
            Journal.Post(posting);
        }
    }

    internal TopUpOrderSnapshot? Order(Guid id) => orders.GetValueOrDefault(id);
}
