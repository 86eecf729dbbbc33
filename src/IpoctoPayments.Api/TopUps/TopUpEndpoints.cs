using System.Security.Claims;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Application.TopUps.CreateTopUp;
using IpoctoPayments.Application.TopUps.GetTopUp;
using IpoctoPayments.Application.TopUps.ListTopUps;
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
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        topUps.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetTopUpQuery(user.AccountId(), id), ct)))
            .WithName("GetTopUp")
            .WithSummary("One of the account's top-ups: status, amounts, declined attempts with their codes, refunds.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        topUps.MapGet("/", async (ClaimsPrincipal user, IMediator mediator, Guid? cursor, int? limit, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTopUpsQuery(user.AccountId(), cursor, limit ?? 20), ct)))
            .WithName("ListTopUps")
            .WithSummary("The account's top-ups, newest first; pass `nextCursor` as `cursor` for the next page.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
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
