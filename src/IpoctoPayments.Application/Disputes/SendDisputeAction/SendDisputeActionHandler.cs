using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Application.Common.Telemetry;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Domain.Disputes;
using Mediator;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Application.Disputes.SendDisputeAction;

internal sealed class SendDisputeActionHandler(
    ITopUpOrders orders,
    IPaymentGateways gateways,
    IDisputeActionOutbox outbox,
    IMediator mediator,
    ILogger<SendDisputeActionHandler> logger,
    TimeProvider clock) : ICommandHandler<SendDisputeActionCommand>
{
    public async ValueTask<Unit> Handle(SendDisputeActionCommand command, CancellationToken cancellationToken)
    {
        var action = command.Action;
        var order = await orders.FindAsync(action.OrderId, cancellationToken);
        var dispute = order?.Disputes.FirstOrDefault(d => d.Id == action.DisputeId);
        if (order is null || dispute is null || !StillToSend(dispute, action.Action))
        {
            // Decided meanwhile (the bank or the provider got there first): nothing left to answer.
            await outbox.RemoveAsync(action.Id, cancellationToken);
            return Unit.Value;
        }

        using var scope = logger.BeginOrderScope(order.Number);
        var gateway = gateways.For(order.Provider);
        DisputeReport? answer;
        try
        {
            answer = action.Action == DisputeAction.Evidence
                ? await gateway.SubmitDisputeEvidenceAsync(new DisputeEvidenceSubmission(order.Id, dispute.ProviderDisputeId, dispute.Evidence!, action.IdempotencyKey), cancellationToken)
                : await gateway.AcceptDisputeAsync(new DisputeAcceptance(order.Id, dispute.ProviderDisputeId, action.IdempotencyKey), cancellationToken);
        }
        catch (ProviderRejectedException rejected)
        {
            // Sending it again would be refused again; the dispute keeps following the provider's events.
            logger.LogWarning("{Provider} refused the {Action} for dispute {DisputeId} ({ProviderCode}): {Reason}",
                ProviderNames.Of(order.Provider), DisputeActionToSend.NameOf(action.Action), dispute.ProviderDisputeId, rejected.ProviderCode, rejected.Message);
            answer = null;
        }

        if (answer is not null)
        {
            // Named by the answer and the state it reports: applied once, whether this or the webhook saying the same comes first.
            var outcome = StatusNames.Of(answer.Status);
            var reported = new ProviderEvent(order.Provider, $"dispute-answer:{action.Id:N}:{outcome}", $"dispute.{DisputeActionToSend.NameOf(action.Action)}_answer", ProviderEventKind.Dispute, clock.GetUtcNow())
            {
                OrderId = order.Id,
                Dispute = answer,
            };
            await mediator.Send(new ApplyProviderEventCommand(reported), cancellationToken);
        }

        // After the answer is applied: a crash in between sends it again under the same key, and its answer meets the inbox.
        await outbox.RemoveAsync(action.Id, cancellationToken);
        return Unit.Value;
    }

    private static bool StillToSend(Dispute dispute, DisputeAction action) =>
        action == DisputeAction.Evidence ? dispute.Status == DisputeStatus.NeedsResponse : dispute.IsOpen;
}
