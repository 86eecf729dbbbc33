using System.Diagnostics.Metrics;

namespace IpoctoPayments.Application.Common.Telemetry;

/// <summary>The service's own instruments, on the <c>IpoctoPayments</c> meter.</summary>
public sealed class PaymentsMeter : IDisposable
{
    public const string Name = "IpoctoPayments";

    private readonly Meter meter;

    /// <summary>From the host's <paramref name="factory"/>, so each host (and each test's host) has a meter of its own; a plain meter without one.</summary>
    public PaymentsMeter(IMeterFactory? factory)
    {
        meter = factory?.Create(Name) ?? new Meter(Name);
        TopUpsCreated = meter.CreateCounter<long>("ipocto.topups.created", "{top-up}", "Top-ups created: a payment page was opened.");
        TopUpsSucceeded = meter.CreateCounter<long>("ipocto.topups.succeeded", "{top-up}", "Top-ups paid and credited to the balance.");
        TopUpsFailed = meter.CreateCounter<long>("ipocto.topups.failed", "{top-up}", "Top-ups that failed or expired unpaid.");
        WebhookDuration = meter.CreateHistogram<double>("ipocto.webhooks.duration", "s", "How long a provider webhook took to verify and apply.");
        ReconciliationActions = meter.CreateCounter<long>("ipocto.reconciliation.actions", "{action}", "What reconciliation applied from the providers' answers.");
        DisputesOpened = meter.CreateCounter<long>("ipocto.disputes.opened", "{dispute}", "Disputes and inquiries the cardholders' banks opened on top-ups.");
        DisputesClosed = meter.CreateCounter<long>("ipocto.disputes.closed", "{dispute}", "Disputes decided, by outcome: won or lost.");
    }

    public Counter<long> TopUpsCreated { get; }

    public Counter<long> TopUpsSucceeded { get; }

    public Counter<long> TopUpsFailed { get; }

    public Histogram<double> WebhookDuration { get; }

    public Counter<long> ReconciliationActions { get; }

    public Counter<long> DisputesOpened { get; }

    public Counter<long> DisputesClosed { get; }

    public void Dispose() => meter.Dispose();
}
