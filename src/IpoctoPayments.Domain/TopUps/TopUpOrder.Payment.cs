using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Errors;
using IpoctoPayments.Domain.Refunds;
using IpoctoPayments.Domain.Support;

namespace IpoctoPayments.Domain.TopUps;

/// <summary>The payment half of the state table: session, attempts, paid, failed, expired, cancelled, late capture.</summary>
public sealed partial class TopUpOrder
{
    // The guide's answer to "The amount was deducted from my account, but the order shows as failed".
    internal const string LateCaptureMessage =
        "The payment arrived after the order had closed; this is usually caused by a delay in bank synchronization. "
        + "The funds will typically be automatically refunded to your account within 1-7 business days.";

    internal const string LateCaptureCreditedMessage =
        "The payment arrived after the order had closed; this is usually caused by a delay in bank synchronization. "
        + "It has been added to your balance.";

    /// <summary>
    /// What the customer is told once a payment arrived after the order had closed: the guide's answer to "the amount was
    /// deducted, but the order shows as failed" while it goes back, or that it was credited instead. Null for every other order.
    /// </summary>
    public string? LateCaptureNotice =>
        timeline.Exists(e => e.Kind == TimelineEntryKind.LateCaptureCredited) ? LateCaptureCreditedMessage
        : timeline.Exists(e => e.Kind == TimelineEntryKind.LateCapture) ? LateCaptureMessage
        : null;

    /// <summary>Records the provider's session once it is open; the customer is then redirected to the provider's page.</summary>
    public Result<Transition> OpenSession(ProviderReferences references, DateTimeOffset at, Uri? paymentPage = null)
    {
        ArgumentNullException.ThrowIfNull(references);
        if (references.IsEmpty)
            return new DomainError("provider_reference_required", "A provider session needs its reference.");
        if (Status != TopUpStatus.AwaitingPayment)
            return new DomainError("order_not_awaiting_payment", $"Order {Number} is {Status}.");
        if (References.Contains(references))
            return Ignore(TransitionOutcome.DuplicateIgnored, "session opened", at);
        if (!References.IsEmpty)
            return new DomainError("provider_session_already_open", $"Order {Number} already has a provider session ({References}).");

        References = references;
        PaymentPage = paymentPage;
        return Apply(Status, new TimelineEntry(at, TimelineEntryKind.Redirected,
            $"Redirected to {Provider}'s payment page ({references})."));
    }

    /// <summary>A declined attempt: recorded with its code while the order waits, since the customer may retry on the same page.</summary>
    public Transition RecordDeclinedAttempt(PaymentError error, string? providerCode, string? attemptReference, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (Status != TopUpStatus.AwaitingPayment)
            return Ignore(TransitionOutcome.StaleIgnored, $"attempt declined ({error.Code})", at);
        if (attemptReference is not null && attempts.Exists(a => a.Reference == attemptReference))
            return Ignore(TransitionOutcome.DuplicateIgnored, $"attempt declined ({error.Code})", at);

        attempts.Add(new PaymentAttempt(at, error, providerCode, attemptReference));
        return Apply(Status, new TimelineEntry(at, TimelineEntryKind.AttemptDeclined,
            $"Attempt {attempts.Count} declined: {error.Message}", error.Code));
    }

    /// <summary>
    /// The provider took the money. Awaiting → Succeeded (the caller credits the balance, once). After a failure, expiry or
    /// cancellation it is a <see cref="TopUpStatus.LateCapture"/>, to be refunded or credited by policy.
    /// </summary>
    public Transition MarkPaid(DateTimeOffset at, string? paymentIntentId = null)
    {
        switch (Status)
        {
            case TopUpStatus.AwaitingPayment:
                Paid(at, paymentIntentId);
                return Apply(TopUpStatus.Succeeded, new TimelineEntry(at, TimelineEntryKind.Paid, $"Paid {Charge}; {Credit} to be credited."));
            case TopUpStatus.Failed or TopUpStatus.Expired or TopUpStatus.Cancelled:
                Paid(at, paymentIntentId);
                return Apply(TopUpStatus.LateCapture, new TimelineEntry(at, TimelineEntryKind.LateCapture,
                    $"Paid {Charge} after the order was {Status}. {LateCaptureMessage}"));
            default:
                return Ignore(TransitionOutcome.DuplicateIgnored, "paid", at);
        }
    }

    /// <summary>The provider's final failure (an async method that did not complete, a closed order with a code).</summary>
    public Transition MarkFailed(PaymentError error, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Close(TopUpStatus.Failed, error, TimelineEntryKind.Failed, $"Payment failed: {error.Message}", at);
    }

    /// <summary>The provider's session expired unpaid.</summary>
    public Transition MarkExpired(DateTimeOffset at) =>
        Close(TopUpStatus.Expired, PaymentErrors.PaymentExpired, TimelineEntryKind.Expired, "The payment page expired unpaid.", at);

    /// <summary>The customer cancelled on the provider's page, or ipocto closed the session.</summary>
    public Transition Cancel(DateTimeOffset at) =>
        Close(TopUpStatus.Cancelled, PaymentErrors.PaymentCancelled, TimelineEntryKind.Cancelled, "The payment was cancelled.", at);

    /// <summary>Policy "credit": the late payment is kept and credited to the balance (the caller posts the credit).</summary>
    public Result<Transition> CreditLateCapture(DateTimeOffset at)
    {
        if (Status == TopUpStatus.Succeeded && timeline.Exists(e => e.Kind == TimelineEntryKind.LateCaptureCredited))
            return Ignore(TransitionOutcome.DuplicateIgnored, "late capture credited", at);
        if (Status != TopUpStatus.LateCapture)
            return new DomainError("order_not_late_capture", $"Order {Number} is {Status}, not a late capture.");
        if (refunds.Exists(r => r.Status != RefundStatus.Failed))
            return new DomainError("late_capture_refund_in_progress", $"Order {Number} is already being refunded.");

        return Apply(TopUpStatus.Succeeded, new TimelineEntry(at, TimelineEntryKind.LateCaptureCredited,
            $"Late payment kept: {Credit} to be credited."));
    }

    private Transition Close(TopUpStatus to, PaymentError error, TimelineEntryKind kind, string message, DateTimeOffset at)
    {
        if (Status == to)
            return Ignore(TransitionOutcome.DuplicateIgnored, to.ToString(), at);
        if (Status != TopUpStatus.AwaitingPayment)
            return Ignore(TransitionOutcome.StaleIgnored, to.ToString(), at);

        Failure = error;
        return Apply(to, new TimelineEntry(at, kind, message, error.Code));
    }

    private void Paid(DateTimeOffset at, string? paymentIntentId)
    {
        PaidAt = at;
        References = References.Merge(new ProviderReferences(PaymentIntentId: paymentIntentId));
    }
}
