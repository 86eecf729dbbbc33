using System.Diagnostics;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.Telemetry;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using Mediator;

namespace IpoctoPayments.Application.Webhooks.ReceiveWebhook;

/// <summary>The provider's reader verifies and maps the webhook, the processor applies it, and the time taken is measured.</summary>
internal sealed class ReceiveWebhookHandler(IEnumerable<IProviderEventReader> readers, ProviderEventProcessor processor, PaymentsTelemetry telemetry)
    : ICommandHandler<ReceiveWebhookCommand, EventOutcome>
{
    public async ValueTask<EventOutcome> Handle(ReceiveWebhookCommand command, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var providerEvent = readers.Single(r => r.Provider == command.Provider).Read(command.Payload, command.Signature);
        var outcome = await processor.ApplyAsync(providerEvent, cancellationToken);
        telemetry.WebhookProcessed(command.Provider, StatusNames.Of(outcome), Stopwatch.GetElapsedTime(started));
        if (outcome == EventOutcome.Deferred)
        {
            // Any answer but a 2xx (PayerMax: but its SUCCESS) makes the provider deliver the event again later.
            throw AppException.Conflict("payment_not_yet_known",
                "The event disputes a payment this service does not know as paid yet; nothing was kept. Deliver it again later.");
        }

        return outcome;
    }
}
