using IpoctoPayments.Api.Common.Reference;
using System.Security.Claims;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Application.TopUps.CreateTopUp;
using IpoctoPayments.Application.TopUps.GetTopUp;
using IpoctoPayments.Application.TopUps.ListTopUps;
using IpoctoPayments.Domain.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace IpoctoPayments.Api.TopUps;

/// <summary>Guide step 1: the console's "Balance Top-up", and the orders it made.</summary>
public sealed record CreateTopUpRequest(MoneyView? Amount, string? Provider, string? Country, string? PaymentMethod, string? ReturnUrl);

internal static class TopUpEndpoints
{
    public static void MapTopUpEndpoints(this IEndpointRouteBuilder api)
    {
        var topUps = api.MapGroup("/topups").WithTags("Top-ups").RequireAuthorization(Scopes.Account);

        topUps.MapPost("/", CreateAsync)
            .RequireRateLimiting(RateLimits.CreateTopUp)
            .WithName("CreateTopUp")
            .WithSummary("Creates a top-up and opens the provider's payment page.")
            .WithDescription("Send the customer to `paymentUrl`. The balance is credited when the provider confirms the payment. "
                + "An `Idempotency-Key` header makes a retry safe: the same key and body return the first answer (with `Idempotent-Replayed: true`); "
                + "the same key with another body is refused with 422 `idempotency_key_reused`.")
            .Accepts<CreateTopUpRequest>("application/json")
            .Produces<TopUpView>(StatusCodes.Status201Created)
            .Produces<TopUpView>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithExamples(new EndpointExamples
            {
                Request = Samples.CreateStripeCard,
                Responses = new Dictionary<int, object> { [StatusCodes.Status201Created] = Samples.AwaitingPayment, [StatusCodes.Status200OK] = Samples.AwaitingPayment },
                Problems =
                [
                    (StatusCodes.Status400BadRequest, "invalid_amount", "A top-up amount must be above zero."),
                    (StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed.Code, "Some fields are not valid."),
                    (StatusCodes.Status422UnprocessableEntity, PaymentErrors.AmountOutOfRange.Code, "The minimum amount for Credit or debit card is 0.50 USD."),
                    (StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused", "This Idempotency-Key was used with a different request; send a new key for a new top-up."),
                    (StatusCodes.Status429TooManyRequests, ProblemCodes.TooManyRequests.Code, "At most 20 top-ups a minute per account; wait a moment and try again."),
                    (StatusCodes.Status503ServiceUnavailable, PaymentErrors.ProviderUnavailable.Code, $"{PaymentErrors.ProviderUnavailable.Message} {PaymentErrors.ProviderUnavailable.Guidance}"),
                ],
            });

        topUps.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetTopUpQuery(user.AccountId(), id), ct)))
            .WithName("GetTopUp")
            .WithSummary("One of the account's top-ups: status, amounts, declined attempts with their codes, refunds.")
            .WithDescription("Guide step 5: poll this after the customer comes back from the payment page. `failure` and each attempt's `error` "
                + "carry a payment error code with the guide's guidance; another account's top-up is not found.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(new EndpointExamples
            {
                Responses = new Dictionary<int, object> { [StatusCodes.Status200OK] = Samples.Succeeded },
                Problems = [(StatusCodes.Status404NotFound, "topup_not_found", $"No top-up {Samples.TopUpId} on this account.")],
            });

        topUps.MapGet("/", async (ClaimsPrincipal user, IMediator mediator, Guid? cursor, int? limit, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTopUpsQuery(user.AccountId(), cursor, limit ?? 20), ct)))
            .WithName("ListTopUps")
            .WithSummary("The account's top-ups, newest first; pass `nextCursor` as `cursor` for the next page.")
            .WithDescription("`limit` is 1 to 100 (20 by default); `nextCursor` is null on the last page.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithExamples(new EndpointExamples
            {
                Responses = new Dictionary<int, object> { [StatusCodes.Status200OK] = Samples.Page },
                Problems = [(StatusCodes.Status400BadRequest, "invalid_limit", "The page size is 1 to 100.")],
            });
    }

    private static async Task<IResult> CreateAsync(
        HttpRequest request,
        ClaimsPrincipal user,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var body = await request.ReadJsonAsync<CreateTopUpRequest>();
        var result = await mediator.Send(new CreateTopUpCommand(
            user.AccountId(), body.Amount?.Amount, body.Amount?.Currency, body.Provider, body.Country, body.PaymentMethod, body.ReturnUrl, idempotencyKey),
            cancellationToken);
        if (result.Replayed)
        {
            request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Ok(result.TopUp);
        }

        return TypedResults.Created($"/api/v1/topups/{result.TopUp.Id}", result.TopUp);
    }
}
