using IpoctoPayments.Application.TopUps;
using Mediator;

namespace IpoctoPayments.Application.Disputes.SubmitDisputeEvidence;

internal sealed class SubmitDisputeEvidenceHandler(DisputeCases cases, ITopUpOrders orders, IDisputeActionOutbox outbox, TimeProvider clock)
    : ICommandHandler<SubmitDisputeEvidenceCommand, DisputeCaseView>
{
    public async ValueTask<DisputeCaseView> Handle(SubmitDisputeEvidenceCommand command, CancellationToken cancellationToken)
    {
        var order = await cases.FindAnswerableAsync(command.DisputeId, cancellationToken);
        var now = clock.GetUtcNow();
        var dispute = DisputeCases.Answered(order.SubmitDisputeEvidence(command.DisputeId, command.Text!, now), command.DisputeId);
        orders.Update(order);

        // Sent after this commits; the provider's answer moves the dispute under review.
        outbox.Add(DisputeActionToSend.For(order.Id, dispute.Id, DisputeAction.Evidence), now);
        return DisputeCaseView.From(order, dispute);
    }
}
