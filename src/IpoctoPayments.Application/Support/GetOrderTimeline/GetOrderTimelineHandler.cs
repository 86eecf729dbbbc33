using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Domain.TopUps;
using Mediator;

namespace IpoctoPayments.Application.Support.GetOrderTimeline;

internal sealed class GetOrderTimelineHandler(ITopUpOrders orders, IEventInbox inbox) : IQueryHandler<GetOrderTimelineQuery, OrderTimelineView>
{
    public async ValueTask<OrderTimelineView> Handle(GetOrderTimelineQuery query, CancellationToken cancellationToken)
    {
        var number = OrderNumber.Parse(query.OrderNumber).OrThrow(ErrorKind.Invalid, "orderNumber");
        var order = await orders.FindByNumberAsync(number, cancellationToken)
            ?? throw AppException.NotFound("order_not_found", $"No top-up has the order number {number.Value}.");
        var received = await inbox.ForOrderAsync(order.Id, cancellationToken);

        // The order's own story and every provider event that reached it, in the order they happened.
        var timeline = order.Timeline
            .Select(e => new TimelineEntryView(e.At, StatusNames.Of(e.Kind), e.Message, e.Code))
            .Concat(received.Select(r => new TimelineEntryView(
                r.ReceivedAt, "webhook_received", $"{ProviderNames.Of(r.Provider)} event {r.EventType} ({r.EventId}): {r.Outcome.ToLowerInvariant()}.", null)))
            .OrderBy(e => e.At)
            .ThenBy(e => e.Kind == "webhook_received" ? 0 : 1)
            .ToList();
        return new OrderTimelineView(TopUpView.From(order), timeline);
    }
}
