using IpoctoPayments.Api.Common.Reference;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Application.Support.GetOrderTimeline;
using Mediator;

namespace IpoctoPayments.Api.Support;

internal static class SupportEndpoints
{
    public static void MapSupportEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/support/orders/{orderNumber}", async (string orderNumber, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOrderTimelineQuery(orderNumber), ct)))
            .WithTags("Support")
            .RequireAuthorization(Scopes.Support)
            .WithName("GetOrderTimeline")
            .WithSummary("The order a customer quotes by number: its status, error codes and full timeline (support scope).")
            .WithDescription("\"How to get help\": the customer quotes the order number shown after payment (`TU-…`) and the error code; "
                + "the timeline shows every attempt, webhook and refund with its code.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(new EndpointExamples
            {
                Responses = new Dictionary<int, object> { [StatusCodes.Status200OK] = Samples.Timeline },
                Problems =
                [
                    (StatusCodes.Status400BadRequest, "invalid_order_number", "'7K3M9' is not an order number; they look like TU-7K3M9-QX2AB."),
                    (StatusCodes.Status404NotFound, "order_not_found", "No top-up has the order number TU-7K3M9-QX2AC."),
                ],
            });
}
