using IpoctoPayments.Api.Common.Reference;
using System.Security.Claims;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Application.Ledger.GetBalance;
using IpoctoPayments.Application.Ledger.GetLedger;
using Mediator;

namespace IpoctoPayments.Api.Ledger;

internal static class LedgerEndpoints
{
    public static void MapLedgerEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/balance", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetBalanceQuery(user.AccountId()), ct)))
            .WithTags("Balance")
            .RequireAuthorization(Scopes.Account)
            .WithName("GetBalance")
            .WithSummary("Guide step 5: the account's balance.")
            .WithDescription("What the customer can spend: every paid top-up credited, every refund debited.")
            .WithExamples(new EndpointExamples { Responses = new Dictionary<int, object> { [StatusCodes.Status200OK] = Samples.Balance } });

        api.MapGet("/ledger", async (ClaimsPrincipal user, IMediator mediator, long? cursor, int? limit, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetLedgerQuery(user.AccountId(), cursor, limit ?? 50), ct)))
            .WithTags("Balance")
            .RequireAuthorization(Scopes.Account)
            .WithName("GetLedger")
            .WithSummary("Every movement of the account's balance, newest first.")
            .WithDescription("Amounts are signed: credits positive, debits negative. Pass `nextCursor` as `cursor` for the next page; `limit` is 50 by default.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithExamples(new EndpointExamples
            {
                Responses = new Dictionary<int, object> { [StatusCodes.Status200OK] = Samples.Ledger },
                Problems =
                [
                    (StatusCodes.Status400BadRequest, "invalid_limit", "The page size is 1 to 200."),
                    (StatusCodes.Status400BadRequest, "invalid_cursor", "The cursor is the nextCursor of an earlier page."),
                ],
            });
    }
}
