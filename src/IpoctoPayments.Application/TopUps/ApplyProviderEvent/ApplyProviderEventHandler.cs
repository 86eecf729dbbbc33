using Mediator;

namespace IpoctoPayments.Application.TopUps.ApplyProviderEvent;

internal sealed class ApplyProviderEventHandler(ProviderEventProcessor processor) : ICommandHandler<ApplyProviderEventCommand, EventOutcome>
{
    public async ValueTask<EventOutcome> Handle(ApplyProviderEventCommand command, CancellationToken cancellationToken) =>
        await processor.ApplyAsync(command.Event, cancellationToken);
}
