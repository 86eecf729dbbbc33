using System.Security.Claims;
using FluentValidation;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Api.Common.Reference;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Application.TopUps.CreateTopUp;
using IpoctoPayments.Application.TopUps.GetTopUp;
using IpoctoPayments.Application.TopUps.GetTopUpLimits;
using IpoctoPayments.Application.TopUps.ListTopUps;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Errors;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Api.TopUps;

/// <summary>Guide step 1: the console's "Balance Top-up", and the orders it made.</summary>
public sealed record CreateTopUpRequest(MoneyView? Amount, string? Provider, string? Country, string? PaymentMethod, string? ReturnUrl)
{
    /// <summary>The command, parsed once here from a request its validator passed; an amount left without currency is in the balance currency.</summary>
    internal CreateTopUpCommand ToCommand(string account, string? idempotencyKey, string balanceCurrency) => new(
        AccountId.Parse(account).OrThrow(ErrorKind.Invalid, "accountId"),
        Money.Parse(Amount!.Amount, Amount.Currency ?? balanceCurrency).OrThrow(ErrorKind.Invalid, "amount"),
        ProviderNames.Parse(Provider)!.Value,
        CountryCode.Parse(Country).Value,
        PaymentMethod,
        new Uri(ReturnUrl!),
        idempotencyKey);
}

internal static class TopUpEndpoints
{
    public static void MapTopUpEndpoints(this IEndpointRouteBuilder api)
    {
        var topUps = api.MapGroup("/topups").WithTags("Top-ups").RequireAuthorization(Scopes.Account);

        topUps.MapPost("/", CreateAsync)
            .RequireTopUpRateLimit()
            .WithName("CreateTopUp")
            .WithSummary("Creates a top-up and opens the provider's payment page.")
            .WithDescription("Send the customer to `paymentUrl`. The balance is credited when the provider confirms the payment. "
                + "`returnUrl` is the console page the provider sends the customer back to, paid or cancelled: it must be under one of the console's "
                + "origins (the same scheme, host and port, and no user name), or the request is refused with 400 `return_url_not_allowed`. "
                + "An `Idempotency-Key` header makes a retry safe: for 24 hours the same key and body return the first answer as it was, status and body, "
                + "with `Idempotent-Replayed: true`; the same key with another body is refused with 422 `idempotency_key_reused`, and a retry while the "
                + "first is still running with 409 `idempotency_key_in_use`.")
            .Accepts<CreateTopUpRequest>("application/json")
            .Produces<TopUpView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithExamples(new EndpointExamples
            {
                Request = Samples.CreateStripeCard,
                Responses = new Dictionary<int, object> { [StatusCodes.Status201Created] = Samples.AwaitingPayment },
                Problems =
                [
                    (StatusCodes.Status400BadRequest, "invalid_amount", "A top-up amount must be above zero."),
                    (StatusCodes.Status400BadRequest, "return_url_not_allowed", "The return URL must be a console page under https://console.ipocto.com, with no user name or password in it."),
                    (StatusCodes.Status400BadRequest, ProblemCodes.ValidationFailed.Code, "Some fields are not valid."),
                    (StatusCodes.Status422UnprocessableEntity, PaymentErrors.AmountOutOfRange.Code, "The minimum amount for Credit or debit card is 0.50 USD."),
                    (StatusCodes.Status409Conflict, "idempotency_key_in_use", "A request with this Idempotency-Key is still being processed; retry once it has been answered."),
                    (StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused", "This Idempotency-Key was used with a different request; send a new key for a new request."),
                    (StatusCodes.Status429TooManyRequests, ProblemCodes.TooManyRequests.Code, "At most 20 top-ups a minute per account; wait a moment and try again."),
                    (StatusCodes.Status503ServiceUnavailable, PaymentErrors.ProviderUnavailable.Code, $"{PaymentErrors.ProviderUnavailable.Message} {PaymentErrors.ProviderUnavailable.Guidance}"),
                ],
            });

        topUps.MapGet("/limits", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetTopUpLimitsQuery(user.AccountId()), ct)))
            .WithName("GetTopUpLimits")
            .WithSummary("How much the account can top up: ipocto's limits per top-up and per 24 hours, and what is left now.")
            .WithDescription("In the balance currency, whatever the method charges. `used` counts the account's top-ups of the last 24 hours "
                + "paid or still awaiting payment, as creating a top-up counts them; `largestNow` is the most one top-up may be now, below "
                + "`minimumPerTopUp` when nothing fits until earlier top-ups are 24 hours old. Each method's own range is in `GET /payment-methods`.")
            .WithExamples(new EndpointExamples { Responses = new Dictionary<int, object> { [StatusCodes.Status200OK] = Samples.Limits } });

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
        IValidator<CreateTopUpRequest> validator,
        IOptions<BalanceOptions> balance,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var body = await request.ReadJsonAsync<CreateTopUpRequest>();
        RequestValidationException.ThrowIfAny((await validator.ValidateAsync(body, cancellationToken)).Errors);
        var result = await mediator.Send(body.ToCommand(user.AccountId(), idempotencyKey, balance.Value.Currency), cancellationToken);
        return IdempotentResults.Created(request.HttpContext, $"/api/v1/topups/{result.TopUp.Id}", result.TopUp, result.Replayed);
    }
}
