using IpoctoPayments.Api.Common.Reference;
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
            .WithDescription("The balance is debited at once and the refund answered `pending`; it is sent to the provider after it is recorded, "
                + "with the refund's own id as the provider's idempotency key, and retried while the provider cannot be reached. The top-up shows it "
                + "`succeeded` when the provider confirms, or `failed` with the balance restored. Never more than is left. "
                + "An `Idempotency-Key` names the refund: a retry with the same key does not refund twice.")
            .Accepts<RequestRefundRequest>("application/json")
            .Produces<RequestRefundResult>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExamples(new EndpointExamples
            {
                Request = Samples.RefundFive,
                Responses = new Dictionary<int, object> { [StatusCodes.Status201Created] = Samples.RefundResult },
                Problems =
                [
                    (StatusCodes.Status404NotFound, "topup_not_found", $"No top-up {Samples.TopUpId}."),
                    (StatusCodes.Status422UnprocessableEntity, "insufficient_balance", "The balance no longer holds 5.00 USD: it has been spent, so it cannot be refunded."),
                    (StatusCodes.Status422UnprocessableEntity, "refund_exceeds_remaining", $"25.00 USD is more than the 15.00 USD left to refund on order {Samples.OrderNumber}."),
                    (StatusCodes.Status422UnprocessableEntity, "order_not_refundable", $"Order {Samples.OrderNumber} is AwaitingPayment; only a paid top-up can be refunded."),
                ],
            });

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
        return IdempotentResults.Created(request.HttpContext, $"/api/v1/topups/{id}", result, result.Replayed);
    }
}
