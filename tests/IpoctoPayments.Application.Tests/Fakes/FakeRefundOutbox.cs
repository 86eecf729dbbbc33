using IpoctoPayments.Application.TopUps;

namespace IpoctoPayments.Application.Tests.Fakes;

/// <summary>A refund in the outbox: due at, leased until, failed sends.</summary>
public sealed record OutboxRefund(Guid OrderId, Guid RefundId, DateTimeOffset DueAt, DateTimeOffset? LeasedUntil = null, int FailedAttempts = 0);

/// <summary>The outbox over <see cref="FakeDatabase.Outbox"/>: added in the unit of work, leased and removed at once.</summary>
public sealed class FakeRefundOutbox(FakeDatabase database, FakeSession session) : IRefundOutbox
{
    public void Add(Guid orderId, Guid refundId, DateTimeOffset at) => session.Outbox.Add(new OutboxRefund(orderId, refundId, at));

    public Task<IReadOnlyList<RefundToSend>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leasedUntil, int limit, CancellationToken cancellationToken)
    {
        var due = database.Outbox.Where(r => r.DueAt <= now && (r.LeasedUntil is null || r.LeasedUntil <= now)).OrderBy(r => r.DueAt).Take(limit).ToList();
        foreach (var refund in due)
        {
            database.Outbox[database.Outbox.IndexOf(refund)] = refund with { LeasedUntil = leasedUntil };
        }

        return Task.FromResult<IReadOnlyList<RefundToSend>>([.. due.Select(r => new RefundToSend(r.OrderId, r.RefundId, r.FailedAttempts))]);
    }

    public Task RemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        database.Outbox.RemoveAll(r => r.RefundId == id);
        return Task.CompletedTask;
    }

    public Task RetryLaterAsync(Guid id, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken)
    {
        var index = database.Outbox.FindIndex(r => r.RefundId == id);
        database.Outbox[index] = database.Outbox[index] with { DueAt = dueAt, LeasedUntil = null, FailedAttempts = database.Outbox[index].FailedAttempts + 1 };
        return Task.CompletedTask;
    }
}
