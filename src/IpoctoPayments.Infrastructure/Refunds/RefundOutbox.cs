using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IpoctoPayments.Infrastructure.Refunds;

/// <summary>
/// The outbox as a table. A lease is one conditional UPDATE per refund — "lease it if nobody holds it" — which every
/// engine arbitrates the same way: the affected rows say who got it. A row lock (PostgreSQL's FOR UPDATE SKIP LOCKED,
/// SQL Server's READPAST) would have to stay held, with its transaction open, for as long as the provider takes to
/// answer — the very thing the outbox is there to avoid — and refunds are few enough that the cost of racing for
/// the same candidates does not matter.
/// </summary>
internal sealed class RefundOutbox(PaymentsDbContext db) : IRefundOutbox
{
    public void Add(Guid orderId, Guid refundId, DateTimeOffset at) => db.Set<RefundOutboxRecord>().Add(new RefundOutboxRecord
    {
        RefundId = refundId,
        OrderId = orderId,
        DueAtUnixMs = at.ToUnixTimeMilliseconds(),
        CreatedAtUnixMs = at.ToUnixTimeMilliseconds(),
    });

    public async Task<IReadOnlyList<RefundToSend>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leasedUntil, int limit, CancellationToken cancellationToken)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var untilMs = leasedUntil.ToUnixTimeMilliseconds();
        var due = await Free(nowMs).Where(r => r.DueAtUnixMs <= nowMs)
            .OrderBy(r => r.DueAtUnixMs)
            .Take(limit)
            .Select(r => new RefundToSend(r.OrderId, r.RefundId, r.FailedAttempts))
            .ToListAsync(cancellationToken);

        var leased = new List<RefundToSend>(due.Count);
        foreach (var refund in due)
        {
            // Another instance may have leased it since it was read: the condition is checked again in the update.
            var taken = await Free(nowMs).Where(r => r.RefundId == refund.RefundId)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.LeasedUntilUnixMs, untilMs), cancellationToken);
            if (taken == 1)
            {
                leased.Add(refund);
            }
        }

        return leased;
    }

    public async Task RemoveAsync(Guid refundId, CancellationToken cancellationToken) =>
        await db.Set<RefundOutboxRecord>().Where(r => r.RefundId == refundId).ExecuteDeleteAsync(cancellationToken);

    public async Task RetryLaterAsync(Guid refundId, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken)
    {
        var dueMs = dueAt.ToUnixTimeMilliseconds();
        var failure = reason.Length > 500 ? reason[..500] : reason;
        await db.Set<RefundOutboxRecord>().Where(r => r.RefundId == refundId).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.DueAtUnixMs, dueMs)
            .SetProperty(x => x.LeasedUntilUnixMs, (long?)null)
            .SetProperty(x => x.FailedAttempts, x => x.FailedAttempts + 1)
            .SetProperty(x => x.LastFailure, failure), cancellationToken);
    }

    private IQueryable<RefundOutboxRecord> Free(long nowMs) =>
        db.Set<RefundOutboxRecord>().AsNoTracking().Where(r => r.LeasedUntilUnixMs == null || r.LeasedUntilUnixMs <= nowMs);
}
