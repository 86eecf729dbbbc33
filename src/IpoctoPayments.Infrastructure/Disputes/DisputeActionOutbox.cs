using System.Linq.Expressions;
using IpoctoPayments.Application.Disputes;
using IpoctoPayments.Infrastructure.Common.Outbox;
using IpoctoPayments.Infrastructure.Persistence;

namespace IpoctoPayments.Infrastructure.Disputes;

/// <summary>The dispute outbox: one row per answer to a dispute not yet sent.</summary>
internal sealed class DisputeActionOutbox(PaymentsDbContext db) : LeasedOutbox<DisputeActionRecord, DisputeActionToSend>(db), IDisputeActionOutbox
{
    protected override Expression<Func<DisputeActionRecord, DisputeActionToSend>> Message => r =>
        new DisputeActionToSend(r.Id, r.OrderId, r.DisputeId, r.Action, r.FailedAttempts);

    public void Add(DisputeActionToSend action, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(action);
        Add(new DisputeActionRecord { Id = action.Id, OrderId = action.OrderId, DisputeId = action.DisputeId, Action = action.Action }, at);
    }
}
