using System.Text.Json;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.TopUps;
using IpoctoPayments.Infrastructure.Disputes;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace IpoctoPayments.Infrastructure.TopUps;

/// <summary>
/// Loads orders from their records, and writes a changed order back into its record when the use case says so; the unit
/// of work saves it (its version moves, so a concurrent change to the same order fails the save instead of being lost).
/// </summary>
internal sealed class TopUpOrderRepository : ITopUpOrders
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Every webhook and refund loads its order by id.
    private static readonly CompiledQuery<Func<PaymentsDbContext, Guid, CancellationToken, Task<TopUpOrderRecord?>>> ById = new(() =>
        EF.CompileAsyncQuery((PaymentsDbContext context, Guid id, CancellationToken _) => context.Set<TopUpOrderRecord>().FirstOrDefault(o => o.Id == id)));

    // Every webhook: its order, and whether the event is in the inbox already.
    private static readonly CompiledQuery<Func<PaymentsDbContext, Guid, string, string, CancellationToken, Task<OrderAndEvent?>>> ForEvent = new(() =>
        EF.CompileAsyncQuery((PaymentsDbContext context, Guid id, string provider, string eventId, CancellationToken _) =>
            context.Set<TopUpOrderRecord>().Where(o => o.Id == id)
                .Select(o => new OrderAndEvent(o, context.Set<InboxRecord>().Any(i => i.Provider == provider && i.EventId == eventId)))
                .FirstOrDefault()));

    private readonly PaymentsDbContext db;
    private readonly List<Loaded> loaded = [];

    public TopUpOrderRepository(PaymentsDbContext db) => this.db = db;

    public void Add(TopUpOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var record = new TopUpOrderRecord { Id = order.Id, CreatedAtUnixMs = order.CreatedAt.ToUnixTimeMilliseconds() };
        var added = new Loaded(order, record, []);
        Save(added);
        db.Set<TopUpOrderRecord>().Add(record);
        loaded.Add(added);
    }

    public void Update(TopUpOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        // After a retried unit of work, records of the abandoned attempt are no longer tracked: forget them.
        loaded.RemoveAll(l => db.Entry(l.Record).State == EntityState.Detached);
        var found = loaded.Find(l => ReferenceEquals(l.Order, order))
            ?? throw new InvalidOperationException($"Order {order.Number} was not loaded in this unit of work.");
        if (found.Record.Version != order.Version)
        {
            Save(found);
        }
    }

    public async Task<TopUpOrder?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Track(await ById.For(db)(db, id, cancellationToken));

    public async Task<(TopUpOrder? Order, bool EventReceived)> FindForEventAsync(Guid id, PaymentProvider provider, string eventId, CancellationToken cancellationToken)
    {
        var name = provider.ToString();
        // The inbox's own table is read here only to spare the webhook path a round trip; the inbox still writes it.
        var receivedHere = db.Set<InboxRecord>().Local.Any(i => i.Provider == name && i.EventId == eventId);
        if (await ForEvent.For(db)(db, id, name, eventId, cancellationToken) is { } found)
        {
            return (Track(found.Order), receivedHere || found.EventReceived);
        }

        // No such order (another integration's event): the inbox is asked on its own.
        return (null, receivedHere || await db.Set<InboxRecord>().AnyAsync(i => i.Provider == name && i.EventId == eventId, cancellationToken));
    }

    public async Task<TopUpOrder?> FindByPaymentAsync(PaymentProvider provider, string paymentIntentId, CancellationToken cancellationToken)
    {
        var name = provider.ToString();
        return Track(await db.Set<TopUpOrderRecord>().FirstOrDefaultAsync(o => o.Provider == name && o.PaymentIntentId == paymentIntentId, cancellationToken));
    }

    public async Task<TopUpOrder?> FindByDisputeAsync(Guid disputeId, CancellationToken cancellationToken) =>
        Track(await db.Set<TopUpOrderRecord>()
            .Where(o => db.Set<DisputeLookupRecord>().Any(d => d.DisputeId == disputeId && d.OrderId == o.Id))
            .FirstOrDefaultAsync(cancellationToken));

    public async Task<IReadOnlyList<TopUpOrder>> ListWithOpenDisputesAsync(int limit, CancellationToken cancellationToken)
    {
        var records = await db.Set<TopUpOrderRecord>().AsNoTracking().Where(o => o.OpenDisputes > 0)
            .OrderBy(o => o.CreatedAtUnixMs).Take(limit).ToListAsync(cancellationToken);
        return [.. records.Select(Restore).OrderBy(o => o.Disputes.Where(d => d.IsOpen).Min(d => d.OpenedAt))];
    }

    public async Task<TopUpOrder?> FindByNumberAsync(OrderNumber number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        return Track(await db.Set<TopUpOrderRecord>().FirstOrDefaultAsync(o => o.Number == number.Value, cancellationToken));
    }

    public async Task<IReadOnlyList<TopUpOrder>> ListAsync(AccountId account, Guid? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var query = db.Set<TopUpOrderRecord>().AsNoTracking().Where(o => o.AccountId == account.Value);
        if (after is { } cursorId
            && await db.Set<TopUpOrderRecord>().AsNoTracking().Where(o => o.Id == cursorId && o.AccountId == account.Value)
                .Select(o => new { o.CreatedAtUnixMs, o.Number }).FirstOrDefaultAsync(cancellationToken) is { } cursor)
        {
            query = query.Where(o => o.CreatedAtUnixMs < cursor.CreatedAtUnixMs
                || (o.CreatedAtUnixMs == cursor.CreatedAtUnixMs && string.Compare(o.Number, cursor.Number) < 0));
        }

        var records = await query.OrderByDescending(o => o.CreatedAtUnixMs).ThenByDescending(o => o.Number).Take(limit).ToListAsync(cancellationToken);
        return [.. records.Select(Restore)];
    }

    public async Task<IReadOnlyList<Guid>> ListToReconcileAsync(DateTimeOffset awaitingCreatedBefore, DateTimeOffset closedSince, int limit, CancellationToken cancellationToken)
    {
        var awaiting = nameof(TopUpStatus.AwaitingPayment);
        string[] closed = [nameof(TopUpStatus.Failed), nameof(TopUpStatus.Expired), nameof(TopUpStatus.Cancelled)];
        var before = awaitingCreatedBefore.ToUnixTimeMilliseconds();
        var since = closedSince.ToUnixTimeMilliseconds();
        return await db.Set<TopUpOrderRecord>().AsNoTracking()
            .Where(o => (o.Status == awaiting && o.CreatedAtUnixMs < before)
                || (closed.Contains(o.Status) && o.CreatedAtUnixMs >= since)
                || o.OpenRefunds > 0
                || o.OpenDisputes > 0)
            .OrderBy(o => o.CreatedAtUnixMs)
            .Take(limit)
            .Select(o => o.Id)
            .ToListAsync(cancellationToken);
    }

    private TopUpOrder? Track(TopUpOrderRecord? record)
    {
        if (record is null)
        {
            return null;
        }

        if (loaded.Find(l => ReferenceEquals(l.Record, record)) is { } existing)
        {
            return existing.Order;
        }

        var order = Restore(record);
        loaded.Add(new Loaded(order, record, [.. order.Disputes.Select(d => d.Id)]));
        return order;
    }

    /// <summary>Writes the order into its record, and a dispute it did not have when loaded into the dispute look-up.</summary>
    private void Save(Loaded l)
    {
        Copy(l.Order, l.Record);
        foreach (var dispute in l.Order.Disputes.Where(d => l.KnownDisputes.Add(d.Id)))
        {
            db.Set<DisputeLookupRecord>().Add(new DisputeLookupRecord { DisputeId = dispute.Id, OrderId = l.Order.Id, ProviderDisputeId = dispute.ProviderDisputeId });
        }
    }

    private static void Copy(TopUpOrder order, TopUpOrderRecord record)
    {
        var snapshot = order.ToSnapshot();
        record.Number = snapshot.Number;
        record.AccountId = snapshot.AccountId;
        record.Provider = snapshot.Provider;
        record.Status = snapshot.Status;
        record.SessionId = snapshot.SessionId;
        record.PaymentIntentId = snapshot.PaymentIntentId;
        record.OpenRefunds = snapshot.Refunds.Count(r => r.Status == nameof(Domain.Refunds.RefundStatus.Pending));
        record.OpenDisputes = order.Disputes.Count(d => d.IsOpen);
        record.Version = snapshot.Version;
        record.State = JsonSerializer.Serialize(snapshot, Json);
    }

    /// <summary>An order loaded or added in this unit of work, its record, and the disputes the look-up already holds.</summary>
    private sealed record Loaded(TopUpOrder Order, TopUpOrderRecord Record, HashSet<Guid> KnownDisputes);

    private sealed record OrderAndEvent(TopUpOrderRecord Order, bool EventReceived);

    private static TopUpOrder Restore(TopUpOrderRecord record) =>
        TopUpOrder.Restore(JsonSerializer.Deserialize<TopUpOrderSnapshot>(record.State, Json)
            ?? throw new InvalidOperationException($"Order {record.Id} has no stored state."));
}
