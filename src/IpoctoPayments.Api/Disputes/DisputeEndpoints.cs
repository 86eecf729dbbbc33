using IpoctoPayments.Api.Common;
using IpoctoPayments.Api.Common.Reference;
using IpoctoPayments.Application.Disputes;
using IpoctoPayments.Application.Disputes.AcceptDispute;
using IpoctoPayments.Application.Disputes.ListOpenDisputes;
using IpoctoPayments.Application.Disputes.SubmitDisputeEvidence;
using IpoctoPayments.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IpoctoPayments.Api.Disputes;

/// <summary>Evidence for a dispute, as text: what was sold, to whom, and why the payment is genuine.</summary>
public sealed record SubmitDisputeEvidenceRequest(string? Text);

internal static class DisputeEndpoints
{
    private static readonly string PortalOnly = DisputeErrors.NotAnsweredByApi(PaymentProvider.PayerMax).Message;

    public static void MapDisputeEndpoints(this IEndpointRouteBuilder api)
    {
        var disputes = api.MapGroup("/disputes").WithTags("Disputes").RequireAuthorization(Scopes.Admin);

        disputes.MapGet("/", async (IMediator mediator, int? limit, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOpenDisputesQuery(limit ?? 50), ct)))
            .WithName("ListOpenDisputes")
            .WithSummary("The disputes still open on any account, the oldest first (admin scope): the work list for answering them.")
            .WithDescription("Each names the top-up, its order number, account and provider, and the dispute: ipocto's id (used by the two "
                + "endpoints below), the provider's id, reason, status, amounts (`amount` in the balance currency, `charge` as the provider "
                + "withdrew it), the deadline for evidence (`respondBy`) and what was answered so far. `limit` is 1 to 200 (50 by default).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithExamples(new EndpointExamples
            {
                Responses = new Dictionary<int, object> { [StatusCodes.Status200OK] = Samples.OpenDisputes },
                Problems = [(StatusCodes.Status400BadRequest, "invalid_limit", "The list takes 1 to 200 disputes.")],
            });

        disputes.MapPost("/{disputeId:guid}/evidence", async (Guid disputeId, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var body = await request.ReadJsonAsync<SubmitDisputeEvidenceRequest>();
                return Answered(await mediator.Send(new SubmitDisputeEvidenceCommand(disputeId, body.Text), ct));
            })
            .WithName("SubmitDisputeEvidence")
            .WithSummary("Answers a dispute with evidence, which the provider submits to the bank (admin scope).")
            .WithDescription("The evidence (1 to 20,000 characters; line breaks allowed, no other control characters) is recorded on the top-up "
                + "and answered `202`; it is sent to the provider after it is recorded, under a key of its own, and retried while the provider "
                + "cannot be reached. Once the provider takes it the dispute is `under_review`; the bank's decision arrives later by webhook. "
                + "Evidence is sent once: a dispute under review, or accepted, takes no more.")
            .Accepts<SubmitDisputeEvidenceRequest>("application/json")
            .Produces<DisputeCaseView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExamples(new EndpointExamples
            {
                Request = Samples.Evidence,
                Responses = new Dictionary<int, object> { [StatusCodes.Status202Accepted] = Samples.DisputeWithEvidence },
                Problems =
                [
                    (StatusCodes.Status400BadRequest, "invalid_evidence", "The evidence is longer than 20000 characters."),
                    (StatusCodes.Status404NotFound, "dispute_not_found", $"No dispute {Samples.DisputeId}."),
                    (StatusCodes.Status409Conflict, "dispute_under_review", $"Dispute {Samples.ProviderDisputeId} is already under review; its evidence cannot change."),
                    (StatusCodes.Status409Conflict, "dispute_closed", $"Dispute {Samples.ProviderDisputeId} is closed (lost)."),
                    (StatusCodes.Status422UnprocessableEntity, "dispute_action_not_supported", PortalOnly),
                ],
            });

        disputes.MapPost("/{disputeId:guid}/accept", async (Guid disputeId, IMediator mediator, CancellationToken ct) =>
                Answered(await mediator.Send(new AcceptDisputeCommand(disputeId), ct)))
            .WithName("AcceptDispute")
            .WithSummary("Accepts a dispute: the cardholder keeps the money and the provider closes the dispute as lost (admin scope).")
            .WithDescription("The acceptance is recorded on the top-up and answered `202`; it is sent to the provider after it is recorded "
                + "(Stripe: the dispute is closed) and the dispute shows `lost` once the provider takes it. The disputed amount stays out of "
                + "the balance. Accepting again answers the same and sends nothing more.")
            .Produces<DisputeCaseView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExamples(new EndpointExamples
            {
                Responses = new Dictionary<int, object> { [StatusCodes.Status202Accepted] = Samples.AcceptedDispute },
                Problems =
                [
                    (StatusCodes.Status404NotFound, "dispute_not_found", $"No dispute {Samples.DisputeId}."),
                    (StatusCodes.Status409Conflict, "dispute_closed", $"Dispute {Samples.ProviderDisputeId} is closed (won)."),
                    (StatusCodes.Status422UnprocessableEntity, "dispute_action_not_supported", PortalOnly),
                ],
            });
    }

    private static Accepted<DisputeCaseView> Answered(DisputeCaseView view) => TypedResults.Accepted((string?)null, view);
}
