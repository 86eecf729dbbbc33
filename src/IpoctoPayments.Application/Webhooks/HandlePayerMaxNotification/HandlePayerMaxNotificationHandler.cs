using IpoctoPayments.Domain.Common;
using Mediator;

namespace IpoctoPayments.Application.Webhooks.HandlePayerMaxNotification;

internal sealed class HandlePayerMaxNotificationHandler(IEnumerable<IProviderEventReader> readers, ProviderEventProcessor processor)
    : ICommandHandler<HandlePayerMaxNotificationCommand, WebhookOutcome>
{
    public async ValueTask<WebhookOutcome> Handle(HandlePayerMaxNotificationCommand command, CancellationToken cancellationToken)
    {
        var providerEvent = readers.Single(r => r.Provider == PaymentProvider.PayerMax).Read(command.Payload, command.Signature);
        return await processor.ApplyAsync(providerEvent, cancellationToken);
    }
}
