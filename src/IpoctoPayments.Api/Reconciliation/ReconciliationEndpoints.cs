using IpoctoPayments.Api.Common.Reference;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Reconciliation;

namespace IpoctoPayments.Api.Reconciliation;

internal static class ReconciliationEndpoints
{
    public static void MapReconciliationEndpoints(this IEndpointRouteBuilder api) =>
        api.MapPost("/reconciliation/runs", async (HttpRequest request, ReconciliationRun run, CancellationToken ct) =>
            {
                // A run takes no options: a body means the caller expects something this endpoint does not do.
                if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
                {
                    throw AppException.Invalid("body_not_accepted", "Starting a reconciliation run takes no request body.");
                }

                return TypedResults.Ok(await run.RunAsync(ct));
            })
            .WithTags("Reconciliation")
            .RequireAuthorization(Scopes.Admin)
            .WithName("RunReconciliation")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Checks with the providers the orders whose outcome may have been missed, and applies what they report (admin scope).")
            .WithDescription("Orders still awaiting payment past their window, orders failed or expired within the window (a late capture is refunded "
                + "automatically, or credited by configuration), and refunds not yet settled. Running it twice, or on two instances at once, changes things once.")
            .WithExamples(new EndpointExamples
            {
                Responses = new Dictionary<int, object> { [StatusCodes.Status200OK] = Samples.Reconciliation },
                Problems = [(StatusCodes.Status400BadRequest, "body_not_accepted", "Starting a reconciliation run takes no request body.")],
            });
}
