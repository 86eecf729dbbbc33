using IpoctoPayments.Domain.Common;
using Mediator;

namespace IpoctoPayments.Application.Webhooks.HandleStripeEvent;

internal sealed class HandleStripeEventHandler(WebhookReceiver receiver) : ICommandHandler<HandleStripeEventCommand, WebhookOutcome>
{
    public async ValueTask<WebhookOutcome> Handle(HandleStripeEventCommand command, CancellationToken cancellationToken) =>
        await receiver.ReceiveAsync(PaymentProvider.Stripe, command.Payload, command.Signature, cancellationToken);
}
