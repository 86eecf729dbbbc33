using System.Diagnostics;
using IpoctoPayments.Application.Common.Telemetry;
using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Application.Webhooks;

/// <summary>One provider's webhook, end to end: its reader verifies and maps it, the processor applies it, and the time taken is measured.</summary>
internal sealed class WebhookReceiver(IEnumerable<IProviderEventReader> readers, ProviderEventProcessor processor, PaymentsTelemetry telemetry)
{
    public async Task<WebhookOutcome> ReceiveAsync(PaymentProvider provider, byte[] payload, string? signature, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var providerEvent = readers.Single(r => r.Provider == provider).Read(payload, signature);
        var outcome = await processor.ApplyAsync(providerEvent, cancellationToken);
        telemetry.WebhookProcessed(provider, outcome, Stopwatch.GetElapsedTime(started));
        return outcome;
    }
}
