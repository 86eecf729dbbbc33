using IpoctoPayments.Application.Webhooks;
using Mediator;

namespace IpoctoPayments.Application.TopUps.ApplyProviderEvent;

internal sealed class ApplyProviderEventHandler(ProviderEventProcessor processor) : ICommandHandler<ApplyProviderEventCommand, WebhookOutcome>
{
    public async ValueTask<WebhookOutcome> Handle(ApplyProviderEventCommand command, CancellationToken cancellationToken) =>
        await processor.ApplyAsync(command.Event, cancellationToken);
}
