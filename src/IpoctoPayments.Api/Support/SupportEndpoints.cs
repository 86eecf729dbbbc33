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
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
