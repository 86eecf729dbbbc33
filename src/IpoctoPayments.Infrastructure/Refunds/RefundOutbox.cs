using System.Linq.Expressions;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Infrastructure.Common.Outbox;
using IpoctoPayments.Infrastructure.Persistence;

namespace IpoctoPayments.Infrastructure.Refunds;

/// <summary>The refund outbox: one row per refund recorded and not yet sent, named by the refund's id.</summary>
internal sealed class RefundOutbox(PaymentsDbContext db) : LeasedOutbox<RefundOutboxRecord, RefundToSend>(db), IRefundOutbox
{
    protected override Expression<Func<RefundOutboxRecord, RefundToSend>> Message => r => new RefundToSend(r.OrderId, r.Id, r.FailedAttempts);

    public void Add(Guid orderId, Guid refundId, DateTimeOffset at) => Add(new RefundOutboxRecord { Id = refundId, OrderId = orderId }, at);
}
