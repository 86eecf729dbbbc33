using IpoctoPayments.Domain.Common;
using Mediator;

namespace IpoctoPayments.Application.Webhooks.HandlePayerMaxNotification;

internal sealed class HandlePayerMaxNotificationHandler(WebhookReceiver receiver) : ICommandHandler<HandlePayerMaxNotificationCommand, WebhookOutcome>
{
    public async ValueTask<WebhookOutcome> Handle(HandlePayerMaxNotificationCommand command, CancellationToken cancellationToken) =>
        await receiver.ReceiveAsync(PaymentProvider.PayerMax, command.Payload, command.Signature, cancellationToken);
}
