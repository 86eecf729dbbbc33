using System.Linq.Expressions;
using IpoctoPayments.Application.Common.Outbox;
using IpoctoPayments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IpoctoPayments.Infrastructure.Common.Outbox;

/// <summary>
/// An outbox as a table. A lease is one conditional UPDATE per message — "lease it if nobody holds it" — which every
/// engine arbitrates the same way: the affected rows say who got it. A row lock (PostgreSQL's FOR UPDATE SKIP LOCKED,
/// SQL Server's READPAST) would have to stay held, with its transaction open, for as long as the provider takes to
/// answer — the very thing the outbox is there to avoid — and these calls are few enough that the cost of racing for
/// the same candidates does not matter.
/// </summary>
internal abstract class LeasedOutbox<TRecord, TMessage>(PaymentsDbContext db) : IOutbox<TMessage>
    where TRecord : OutboxRecord
    where TMessage : IOutboxMessage
{
    /// <summary>The message a leased row stands for, as a query can read it.</summary>
    protected abstract Expression<Func<TRecord, TMessage>> Message { get; }

    public async Task<IReadOnlyList<TMessage>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leasedUntil, int limit, CancellationToken cancellationToken)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var untilMs = leasedUntil.ToUnixTimeMilliseconds();
        var due = await Free(nowMs).Where(r => r.DueAtUnixMs <= nowMs)
            .OrderBy(r => r.DueAtUnixMs)
            .Take(limit)
            .Select(Message)
            .ToListAsync(cancellationToken);

        var leased = new List<TMessage>(due.Count);
        foreach (var message in due)
        {
            // Another instance may have leased it since it was read: the condition is checked again in the update.
            var id = message.Id;
            var taken = await Free(nowMs).Where(r => r.Id == id)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.LeasedUntilUnixMs, untilMs), cancellationToken);
            if (taken == 1)
            {
                leased.Add(message);
            }
        }

        return leased;
    }

    public async Task RemoveAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Set<TRecord>().Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);

    public async Task RetryLaterAsync(Guid id, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken)
    {
        var dueMs = dueAt.ToUnixTimeMilliseconds();
        var failure = reason.Length > 500 ? reason[..500] : reason;
        await db.Set<TRecord>().Where(r => r.Id == id).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.DueAtUnixMs, dueMs)
            .SetProperty(x => x.LeasedUntilUnixMs, (long?)null)
            .SetProperty(x => x.FailedAttempts, x => x.FailedAttempts + 1)
            .SetProperty(x => x.LastFailure, failure), cancellationToken);
    }

    /// <summary>Adds a row to the caller's unit of work, due at once.</summary>
    protected void Add(TRecord record, DateTimeOffset at)
    {
        record.DueAtUnixMs = at.ToUnixTimeMilliseconds();
        record.CreatedAtUnixMs = at.ToUnixTimeMilliseconds();
        db.Set<TRecord>().Add(record);
    }

    private IQueryable<TRecord> Free(long nowMs) =>
        db.Set<TRecord>().AsNoTracking().Where(r => r.LeasedUntilUnixMs == null || r.LeasedUntilUnixMs <= nowMs);
}
