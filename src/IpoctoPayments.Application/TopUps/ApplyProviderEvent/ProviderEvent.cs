using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;

namespace IpoctoPayments.Application.TopUps.ApplyProviderEvent;

/// <summary>What a provider's event means for an order, whichever provider sent it.</summary>
public enum ProviderEventKind
{
    /// <summary>The money was taken (checkout completed and paid, async payment succeeded, PayerMax SUCCESS).</summary>
    Paid,

    /// <summary>One attempt was declined; the customer may try again on the same page.</summary>
    AttemptDeclined,

    /// <summary>The payment failed for good.</summary>
    Failed,

    /// <summary>The session or order expired or was closed unpaid.</summary>
    Expired,

    /// <summary>The customer started a payment that completes later (a bank transfer in flight): nothing to change yet.</summary>
    Processing,

    RefundSucceeded,

    RefundFailed,

    RefundPending,

    /// <summary>A dispute (chargeback or inquiry) opened, moved or decided; <see cref="ProviderEvent.Dispute"/> says how it stands.</summary>
    Dispute,

    /// <summary>An event this service does not act on; it is acknowledged and kept in the inbox.</summary>
    NotRelevant,
}

/// <summary>A verified provider event, reduced to what the order needs.</summary>
public sealed record ProviderEvent(
    PaymentProvider Provider,
    string EventId,
    string EventType,
    ProviderEventKind Kind,
    DateTimeOffset OccurredAt)
{
    /// <summary>Our order id, as the provider echoes it (Stripe metadata / client_reference_id, PayerMax outTradeNo).</summary>
    public Guid? OrderId { get; init; }

    public string? SessionId { get; init; }

    public string? PaymentIntentId { get; init; }

    /// <summary>The provider's own code for a decline or failure (Stripe error code, PayerMax result code).</summary>
    public string? ProviderCode { get; init; }

    /// <summary>Stripe's decline code, which says more than its error code (<c>insufficient_funds</c> under <c>card_declined</c>).</summary>
    public string? DeclineCode { get; init; }

    public string? ProviderMessage { get; init; }

    /// <summary>Tells two declined attempts apart (a PaymentIntent's charge or attempt id).</summary>
    public string? AttemptReference { get; init; }

    /// <summary>Our refund id, as the provider echoes it (Stripe metadata, PayerMax outRefundNo).</summary>
    public Guid? RefundId { get; init; }

    public string? ProviderRefundId { get; init; }

    /// <summary>The whole dispute as the provider reports it now, for <see cref="ProviderEventKind.Dispute"/>.</summary>
    public DisputeReport? Dispute { get; init; }

    /// <summary>
    /// What a provider said of a dispute when asked rather than by webhook, as an event with an id per dispute and state,
    /// so the same news applied twice meets the inbox. The order is named by <paramref name="orderId"/> or, for a dispute
    /// found in the provider's list, by its payment.
    /// </summary>
    public static ProviderEvent DisputeReported(PaymentProvider provider, DisputeReport report, Guid? orderId, string? paymentIntentId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        var state = StatusNames.Of(report.Status) + (report.IsInquiry ? "_inquiry" : string.Empty);
        return new ProviderEvent(provider, $"reconcile:{report.ProviderDisputeId}:{state}", $"reconciliation.dispute_{state}", ProviderEventKind.Dispute, at)
        {
            OrderId = orderId,
            PaymentIntentId = paymentIntentId,
            Dispute = report,
        };
    }

    /// <summary>
    /// What a provider said of one of our refunds when asked rather than by webhook — <paramref name="source"/> names how
    /// (<c>reconcile</c>, <c>refund-answer</c>), <paramref name="type"/> the event type's stem — as an event with an id per
    /// refund and outcome, so the same news applied twice meets the inbox. Null while the refund is still pending.
    /// </summary>
    public static ProviderEvent? RefundReported(PaymentProvider provider, Guid orderId, Guid refundId, SubmittedRefundStatus? state, string source, string type, DateTimeOffset at)
    {
        ProviderEventKind? kind = state switch
        {
            SubmittedRefundStatus.Succeeded => ProviderEventKind.RefundSucceeded,
            SubmittedRefundStatus.Failed => ProviderEventKind.RefundFailed,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        var outcome = StatusNames.Of(state!.Value);
        return new ProviderEvent(provider, $"{source}:{refundId:N}:{outcome}", $"{type}_{outcome}", kind.Value, at) { OrderId = orderId, RefundId = refundId };
    }
}
