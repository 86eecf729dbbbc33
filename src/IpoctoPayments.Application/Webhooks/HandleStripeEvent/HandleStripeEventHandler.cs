using IpoctoPayments.Domain.Common;
using Mediator;

namespace IpoctoPayments.Application.Webhooks.HandleStripeEvent;

internal sealed class HandleStripeEventHandler(IEnumerable<IProviderEventReader> readers, ProviderEventProcessor processor)
    : ICommandHandler<HandleStripeEventCommand, WebhookOutcome>
{
    public async ValueTask<WebhookOutcome> Handle(HandleStripeEventCommand command, CancellationToken cancellationToken)
    {
        var providerEvent = readers.Single(r => r.Provider == PaymentProvider.Stripe).Read(command.Payload, command.Signature);
        return await processor.ApplyAsync(providerEvent, cancellationToken);
    }
}
