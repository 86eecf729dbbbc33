using IpoctoPayments.Api.Common;
using IpoctoPayments.Api.Common.Reference;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Ledger;
using IpoctoPayments.Application.Ledger.DebitBalance;
using IpoctoPayments.Application.Ledger.GetDebit;
using IpoctoPayments.Application.Ledger.ReverseDebit;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace IpoctoPayments.Api.Ledger;

/// <summary>What ipocto's billing spends from a balance, in the balance currency, and what it bought.</summary>
public sealed record DebitBalanceRequest(MoneyView? Amount, string? Reference);

internal static class DebitEndpoints
{
    public static void MapDebitEndpoints(this IEndpointRouteBuilder api)
    {
        var debits = api.MapGroup("/accounts/{accountId}/debits").WithTags("Billing").RequireAuthorization(Scopes.Billing);
        debits.MapPost("/", DebitAsync)
            .WithName("DebitBalance")
            .WithSummary("Spends part of an account's balance on ipocto's services (billing scope).")
            .WithDescription("The balance moves in one conditional statement: the debit happens only where the money is there, so concurrent "
                + "debits and top-ups on one account never take it below zero, and none the money covers is refused. The `Idempotency-Key` "
                + "header is required and names the debit: for 24 hours a retry with the same key and body gets the first answer again, with "
                + "`Idempotent-Replayed: true`; the same key with another amount or reference is 422 `idempotency_key_reused`, and a retry while "
                + "the first is still running 409 `idempotency_key_in_use`.")
            .Accepts<DebitBalanceRequest>("application/json")
            .Produces<DebitView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExamples(new EndpointExamples
            {
                Request = Samples.DebitFive,
                Responses = new Dictionary<int, object> { [StatusCodes.Status201Created] = Samples.Debit },
                Problems =
                [
                    (StatusCodes.Status400BadRequest, "invalid_idempotency_key", "A debit needs an Idempotency-Key of 1 to 255 printable ASCII characters."),
                    (StatusCodes.Status409Conflict, "idempotency_key_in_use", "A request with this Idempotency-Key is still being processed; retry once it has been answered."),
                    (StatusCodes.Status422UnprocessableEntity, "insufficient_balance", "The balance holds 3.00 USD, less than the 5.00 USD to debit; nothing was debited."),
                    (StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused", "This Idempotency-Key was used for a debit of another amount or reference; send a new key."),
                ],
            });
        debits.MapGet("/{debitId:guid}", async (string accountId, Guid debitId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetDebitQuery(accountId, debitId), ct)))
            .WithName("GetDebit")
            .WithSummary("One debit of the account: posted, or reversed.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(new EndpointExamples
            {
                Responses = new Dictionary<int, object> { [StatusCodes.Status200OK] = Samples.Debit },
                Problems = [(StatusCodes.Status404NotFound, "debit_not_found", $"Account {Samples.Account} has no debit {Samples.DebitId}.")],
            });
        debits.MapPost("/{debitId:guid}/reversal", async (string accountId, Guid debitId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReverseDebitCommand(accountId, debitId), ct)))
            .WithName("ReverseDebit")
            .WithSummary("Cancels a debit: the amount goes back on the balance, once however often this is called.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(new EndpointExamples
            {
                Responses = new Dictionary<int, object> { [StatusCodes.Status200OK] = Samples.ReversedDebit },
                Problems = [(StatusCodes.Status404NotFound, "debit_not_found", $"Account {Samples.Account} has no debit {Samples.DebitId}.")],
            });
    }

    private static async Task<IResult> DebitAsync(
        string accountId,
        HttpRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        IMediator mediator,
        CancellationToken cancellationToken)
    {
        var body = await request.ReadJsonAsync<DebitBalanceRequest>();
        var result = await mediator.Send(new DebitBalanceCommand(accountId, body.Amount?.Amount, body.Amount?.Currency, body.Reference, idempotencyKey), cancellationToken);
        return IdempotentResults.Created(request.HttpContext, $"/api/v1/accounts/{accountId}/debits/{result.Debit.Id}", result.Debit, result.Replayed);
    }
}
