using System.Text;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Application.Webhooks;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace IpoctoPayments.Infrastructure.Providers.Stripe;

/// <summary>Verifies a Stripe webhook with Stripe.net's own <see cref="EventUtility"/> and reads what it means for an order.</summary>
internal sealed class StripeEventReader(IOptions<StripeOptions> options, TimeProvider clock) : IProviderEventReader
{
    public PaymentProvider Provider => PaymentProvider.Stripe;

    public ProviderEvent Read(byte[] payload, string? signature)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (string.IsNullOrWhiteSpace(signature))
        {
            throw new InvalidWebhookException("signature_missing", "The Stripe-Signature header is missing.");
        }

        var json = Encoding.UTF8.GetString(payload);
        var o = options.Value;
        try
        {
            EventUtility.ValidateSignature(json, signature, o.WebhookSecret, o.WebhookToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds());
        }
        catch (StripeException exception)
        {
            throw new InvalidWebhookException("invalid_signature", $"The Stripe event was refused: {exception.Message}", exception);
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ParseEvent(json, throwOnApiVersionMismatch: true);
        }
        catch (StripeException exception)
        {
            // Signed by Stripe, but for an API version this client cannot read: the endpoint's version needs changing.
            throw new InvalidWebhookException("api_version_mismatch", exception.Message, exception);
        }
        catch (Exception exception) when (exception is Newtonsoft.Json.JsonException or System.Text.Json.JsonException or ArgumentException or FormatException
            or NullReferenceException or InvalidOperationException)
        {
            // Stripe.net answers a signed body without api_version with a NullReferenceException, and a JSON string or
            // array instead of an object with System.Text.Json's InvalidOperationException.
            throw new InvalidWebhookException("malformed_event", "The body is not a Stripe event.", exception);
        }

        return Map(stripeEvent);
    }

    private ProviderEvent Map(Event e)
    {
        var at = new DateTimeOffset(e.Created, TimeSpan.Zero);
        ProviderEvent Of(ProviderEventKind kind) => new(Provider, e.Id, e.Type, kind, at);

        return e.Data.Object switch
        {
            Session session => SessionEvent(Of, e.Type, session),
            PaymentIntent intent => IntentEvent(Of, e.Type, intent),
            global::Stripe.Refund refund => RefundEvent(Of, e.Type, refund),
            global::Stripe.Dispute dispute when e.Type.StartsWith("charge.dispute.", StringComparison.Ordinal) => DisputeEvent(Of, dispute),
            _ => Of(ProviderEventKind.NotRelevant),
        };
    }

    private static ProviderEvent SessionEvent(Func<ProviderEventKind, ProviderEvent> of, string type, Session session)
    {
        var kind = type switch
        {
            "checkout.session.completed" when session.PaymentStatus == "paid" => ProviderEventKind.Paid,
            "checkout.session.completed" => ProviderEventKind.Processing,
            "checkout.session.async_payment_succeeded" => ProviderEventKind.Paid,
            "checkout.session.async_payment_failed" => ProviderEventKind.Failed,
            "checkout.session.expired" => ProviderEventKind.Expired,
            _ => ProviderEventKind.NotRelevant,
        };
        return of(kind) with
        {
            OrderId = OrderIdOf(session.ClientReferenceId) ?? OrderIdOf(session.Metadata),
            SessionId = session.Id,
            PaymentIntentId = session.PaymentIntentId,
            ProviderCode = kind == ProviderEventKind.Failed ? "payment_failed" : null,
        };
    }

    private static ProviderEvent IntentEvent(Func<ProviderEventKind, ProviderEvent> of, string type, PaymentIntent intent)
    {
        var kind = type switch
        {
            "payment_intent.succeeded" => ProviderEventKind.Paid,
            "payment_intent.payment_failed" => ProviderEventKind.AttemptDeclined,
            _ => ProviderEventKind.NotRelevant,
        };
        var error = intent.LastPaymentError;
        return of(kind) with
        {
            OrderId = OrderIdOf(intent.Metadata),
            PaymentIntentId = intent.Id,
            ProviderCode = error?.Code,
            DeclineCode = error?.DeclineCode,
            ProviderMessage = error?.Message,
            AttemptReference = error?.Charge ?? error?.PaymentMethod?.Id,
        };
    }

    private static ProviderEvent RefundEvent(Func<ProviderEventKind, ProviderEvent> of, string type, global::Stripe.Refund refund)
    {
        var kind = (type, refund.Status) switch
        {
            ("refund.failed", _) or (_, "failed" or "canceled") => ProviderEventKind.RefundFailed,
            (_, "succeeded") => ProviderEventKind.RefundSucceeded,
            ("refund.created" or "refund.updated", _) => ProviderEventKind.RefundPending,
            _ => ProviderEventKind.NotRelevant,
        };
        return of(kind) with
        {
            OrderId = OrderIdOf(refund.Metadata),
            PaymentIntentId = refund.PaymentIntentId,
            RefundId = refund.Metadata?.TryGetValue(StripeMetadata.RefundId, out var id) == true && Guid.TryParse(id, out var refundId) ? refundId : null,
            ProviderRefundId = refund.Id,
            ProviderCode = refund.FailureReason,
        };
    }

    /// <summary>
    /// Every dispute event carries the whole dispute, so each is read as a report of how it stands; a dispute names the
    /// payment intent, not our order, so the order is found by that.
    /// </summary>
    private static ProviderEvent DisputeEvent(Func<ProviderEventKind, ProviderEvent> of, global::Stripe.Dispute dispute)
    {
        var report = ReportOf(dispute);
        return of(report is null ? ProviderEventKind.NotRelevant : ProviderEventKind.Dispute) with
        {
            PaymentIntentId = dispute.PaymentIntentId,
            Dispute = report,
        };
    }

    /// <summary>Stripe's dispute as a report; null for a state this service does not act on (<c>prevented</c>) or an unknown currency.</summary>
    public static DisputeReport? ReportOf(global::Stripe.Dispute dispute)
    {
        (DisputeStatus Status, bool Inquiry)? state = dispute.Status switch
        {
            "warning_needs_response" => (DisputeStatus.NeedsResponse, true),
            "warning_under_review" => (DisputeStatus.UnderReview, true),
            "warning_closed" => (DisputeStatus.Won, true),
            "needs_response" => (DisputeStatus.NeedsResponse, false),
            "under_review" => (DisputeStatus.UnderReview, false),
            "won" => (DisputeStatus.Won, false),
            "lost" => (DisputeStatus.Lost, false),
            _ => null,
        };
        var amount = Currency.FromCode(dispute.Currency?.ToUpperInvariant()).Then(currency => Money.FromMinorUnits(dispute.Amount, currency));
        if (state is not { } known || !amount.IsSuccess)
        {
            return null;
        }

        DateTimeOffset? respondBy = dispute.EvidenceDetails?.DueBy is { } due ? new DateTimeOffset(due, TimeSpan.Zero) : null;
        return new DisputeReport(dispute.Id, amount.Value, dispute.Reason ?? "general", known.Status, known.Inquiry, respondBy);
    }

    private static Guid? OrderIdOf(Dictionary<string, string>? metadata) =>
        metadata?.TryGetValue(StripeMetadata.TopUpId, out var id) == true ? OrderIdOf(id) : null;

    private static Guid? OrderIdOf(string? id) => Guid.TryParse(id, out var parsed) ? parsed : null;
}
