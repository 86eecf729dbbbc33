using IpoctoPayments.Application.TopUps;
using Mediator;

namespace IpoctoPayments.Application.Disputes.AcceptDispute;

internal sealed class AcceptDisputeHandler(DisputeCases cases, ITopUpOrders orders, IDisputeActionOutbox outbox, TimeProvider clock)
    : ICommandHandler<AcceptDisputeCommand, DisputeCaseView>
{
    public async ValueTask<DisputeCaseView> Handle(AcceptDisputeCommand command, CancellationToken cancellationToken)
    {
        var order = await cases.FindAnswerableAsync(command.DisputeId, cancellationToken);
        var acceptedBefore = order.Disputes.Any(d => d.Id == command.DisputeId && d.Accepted);
        var now = clock.GetUtcNow();
        var dispute = DisputeCases.Answered(order.AcceptDispute(command.DisputeId, now), command.DisputeId);
        if (!acceptedBefore)
        {
            orders.Update(order);
            outbox.Add(DisputeActionToSend.For(order.Id, dispute.Id, DisputeAction.Accept), now);
        }

        return DisputeCaseView.From(order, dispute);
    }
}
