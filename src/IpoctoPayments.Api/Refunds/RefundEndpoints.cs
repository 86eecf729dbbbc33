using IpoctoPayments.Api.Common;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Refunds.RequestRefund;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace IpoctoPayments.Api.Refunds;

/// <summary>A refund in the balance currency; leave <see cref="Amount"/> out to refund all that is left.</summary>
public sealed record RequestRefundRequest(MoneyView? Amount);

internal static class RefundEndpoints
{
    public static void MapRefundEndpoints(this IEndpointRouteBuilder api) =>
        api.MapPost("/topups/{id:guid}/refunds", RequestAsync)
            .WithTags("Refunds")
            .RequireAuthorization(Scopes.Admin)
            .WithName("RequestRefund")
            .WithSummary("Refunds a top-up in full or in part (admin scope).")
            .WithDescription("The balance is debited at once and restored if the provider fails the refund. Never more than is left. "
                + "An `Idempotency-Key` names the refund: a retry with the same key does not refund twice.")
            .Accepts<RequestRefundRequest>("application/json")
            .Produces<RequestRefundResult>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> RequestAsync(
        Guid id,
        HttpRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var body = request.ContentLength is 0 || (request.ContentLength is null && request.Headers.ContentType.Count == 0)
            ? new RequestRefundRequest(null)
            : await request.ReadJsonAsync<RequestRefundRequest>();
        var result = await mediator.Send(new RequestRefundCommand(id, body.Amount?.Amount, body.Amount?.Currency, idempotencyKey), cancellationToken);
        return TypedResults.Created($"/api/v1/topups/{id}", result);
    }
}
