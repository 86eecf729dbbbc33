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
            .WithSummary("Guide step 5: the account's balance.");

        api.MapGet("/ledger", async (ClaimsPrincipal user, IMediator mediator, long? cursor, int? limit, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetLedgerQuery(user.AccountId(), cursor, limit ?? 50), ct)))
            .WithTags("Balance")
            .RequireAuthorization(Scopes.Account)
            .WithName("GetLedger")
            .WithSummary("Every movement of the account's balance, newest first.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
    }
}
