using Mediator;

namespace IpoctoPayments.Application.TopUps.GetTopUp;

internal sealed class GetTopUpHandler(ITopUpOrders orders) : IQueryHandler<GetTopUpQuery, TopUpView>
{
    public async ValueTask<TopUpView> Handle(GetTopUpQuery query, CancellationToken cancellationToken)
    {
        var order = await orders.FindAsync(query.TopUpId, cancellationToken);
        return order is not null && order.AccountId.Value == query.AccountId
            ? TopUpView.From(order)
            : throw TopUpErrors.NotFound(query.TopUpId);
    }
}
