using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;
using IpoctoPayments.Domain.TopUps;

namespace IpoctoPayments.Application.Common.Telemetry;

/// <summary>
/// What one command has done, in metric form. Held until its unit of work commits: a command run again after a write
/// conflict, or rolled back, counts once or not at all.
/// </summary>
public sealed class PaymentsTelemetry(PaymentsMeter meter)
{
    private readonly List<Action> pending = [];

    public void TopUpCreated(TopUpOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var tags = Tags(order);
        pending.Add(() => meter.TopUpsCreated.Add(1, tags));
    }

    public void TopUpSucceeded(TopUpOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var tags = Tags(order);
        pending.Add(() => meter.TopUpsSucceeded.Add(1, tags));
    }

    public void TopUpFailed(TopUpOrder order, string errorCode)
    {
        ArgumentNullException.ThrowIfNull(order);
        var tags = Tags(order).Append(new("error_code", errorCode)).ToArray();
        pending.Add(() => meter.TopUpsFailed.Add(1, tags));
    }

    public void WebhookProcessed(PaymentProvider provider, string outcome, TimeSpan elapsed)
    {
        KeyValuePair<string, object?>[] tags = [new("provider", ProviderNames.Of(provider)), new("outcome", outcome)];
        pending.Add(() => meter.WebhookDuration.Record(elapsed.TotalSeconds, tags));
    }

    /// <summary>
    /// One thing reconciliation applied; <paramref name="subject"/> is <c>payment</c> or <c>refund</c>, what the provider was
    /// asked about, and <paramref name="outcome"/> what applying it did, named as the API names it.
    /// </summary>
    public void ReconciliationAction(PaymentProvider provider, string subject, string outcome)
    {
        KeyValuePair<string, object?>[] tags = [new("provider", ProviderNames.Of(provider)), new("subject", subject), new("outcome", outcome)];
        pending.Add(() => meter.ReconciliationActions.Add(1, tags));
    }

    public void DisputeOpened(TopUpOrder order, Dispute dispute)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(dispute);
        var tags = Tags(order).Append(new("reason", dispute.Reason)).Append(new("inquiry", dispute.IsInquiry)).ToArray();
        pending.Add(() => meter.DisputesOpened.Add(1, tags));
    }

    public void DisputeClosed(TopUpOrder order, Dispute dispute)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(dispute);
        var tags = Tags(order).Append(new("reason", dispute.Reason)).Append(new("outcome", StatusNames.Of(dispute.Status))).ToArray();
        pending.Add(() => meter.DisputesClosed.Add(1, tags));
    }

    /// <summary>Forgets what an attempt recorded; called when the unit of work starts (again).</summary>
    public void Discard() => pending.Clear();

    /// <summary>Publishes what was recorded; called once the unit of work has committed.</summary>
    public void Publish()
    {
        foreach (var record in pending)
        {
            record();
        }

        pending.Clear();
    }

    private static KeyValuePair<string, object?>[] Tags(TopUpOrder order) =>
        [new("provider", ProviderNames.Of(order.Provider)), new("method", order.PaymentMethodCode ?? "unspecified")];
}
