using IpoctoPayments.Application.TopUps;
using Mediator;

namespace IpoctoPayments.Application.Disputes.ListOpenDisputes;

internal sealed class ListOpenDisputesHandler(ITopUpOrders orders) : IQueryHandler<ListOpenDisputesQuery, OpenDisputes>
{
    public async ValueTask<OpenDisputes> Handle(ListOpenDisputesQuery query, CancellationToken cancellationToken)
    {
        // An order holds at least one open dispute, so as many orders as disputes asked for are enough.
        var found = await orders.ListWithOpenDisputesAsync(query.Limit, cancellationToken);
        var open = found.SelectMany(order => order.Disputes.Where(d => d.IsOpen).Select(d => DisputeCaseView.From(order, d)))
            .OrderBy(c => c.Dispute.OpenedAt)
            .Take(query.Limit);
        return new OpenDisputes([.. open]);
    }
}
