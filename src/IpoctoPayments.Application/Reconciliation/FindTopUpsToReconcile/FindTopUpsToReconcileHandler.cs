using IpoctoPayments.Application.TopUps;
using Mediator;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application.Reconciliation.FindTopUpsToReconcile;

internal sealed class FindTopUpsToReconcileHandler(
    ITopUpOrders orders,
    IOptions<TopUpOptions> topUps,
    IOptions<ReconciliationOptions> options,
    TimeProvider clock) : IQueryHandler<FindTopUpsToReconcileQuery, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(FindTopUpsToReconcileQuery query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await orders.ListToReconcileAsync(
            now - topUps.Value.PaymentWindow,
            now - options.Value.ClosedOrdersWindow,
            options.Value.BatchSize,
            cancellationToken);
    }
}
