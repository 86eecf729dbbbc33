using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;

namespace IpoctoPayments.Application.Common.Providers;

/// <summary>One payment provider as the use cases see it: open a hosted payment session, refund, look a payment up, answer a dispute.</summary>
public interface IPaymentGateway
{
    PaymentProvider Provider { get; }

    /// <summary>How many decimals the provider takes in a currency, which can be fewer than ISO 4217's.</summary>
    int ChargeDecimals(Currency currency);

    /// <summary>
    /// Opens the provider's hosted page for an order. <see cref="OpenSessionRequest.IdempotencyKey"/> is derived from
    /// the order, so asking again after a lost answer returns the same session instead of opening a second one.
    /// </summary>
    Task<OpenedSession> OpenSessionAsync(OpenSessionRequest request, CancellationToken cancellationToken);

    Task<SubmittedRefund> RefundAsync(RefundSubmission request, CancellationToken cancellationToken);

    /// <summary>What the provider says about an order's payment now: the pull that stands in for a webhook that never came.</summary>
    Task<PaymentLookupResult> LookUpPaymentAsync(PaymentLookup lookup, CancellationToken cancellationToken);

    /// <summary>What the provider says about a refund now.</summary>
    Task<SubmittedRefundStatus?> LookUpRefundAsync(RefundLookup lookup, CancellationToken cancellationToken);

    /// <summary>What the provider says about a dispute now; null when it does not know it.</summary>
    Task<DisputeReport?> LookUpDisputeAsync(string providerDisputeId, CancellationToken cancellationToken);

    /// <summary>
    /// Disputes the provider opened since <paramref name="since"/>, with the payment each names: how reconciliation finds
    /// a dispute whose webhooks never came. Empty where the provider cannot list them.
    /// </summary>
    Task<IReadOnlyList<ReportedDispute>> ListDisputesAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Sends an operator's evidence and submits it (only where <see cref="DisputeAnswers.ByApi"/>); returns the dispute as the provider then reports it (null: a state it does not report).</summary>
    Task<DisputeReport?> SubmitDisputeEvidenceAsync(DisputeEvidenceSubmission request, CancellationToken cancellationToken);

    /// <summary>Accepts (closes) a dispute, which the merchant then loses; returns the dispute as the provider then reports it.</summary>
    Task<DisputeReport?> AcceptDisputeAsync(DisputeAcceptance request, CancellationToken cancellationToken);
}

/// <summary>A dispute as a provider's list reports it: the dispute, the payment it names (Stripe's payment intent), and when it opened.</summary>
public sealed record ReportedDispute(DisputeReport Report, string? PaymentIntentId, DateTimeOffset OpenedAt);

/// <summary>Finds the gateway of a provider.</summary>
public interface IPaymentGateways
{
    IPaymentGateway For(PaymentProvider provider);
}

public sealed record OpenSessionRequest(
    Guid OrderId,
    string OrderNumber,
    string AccountId,
    Money Charge,
    string Country,
    string? MethodCode,
    Uri ReturnUrl,
    DateTimeOffset ExpiresAt,
    string IdempotencyKey);

/// <summary>
/// The provider's session: its reference (Stripe session id, PayerMax trade token), where to send the customer, and the
/// order id and number the session was opened for. These differ from the request's when the provider replayed a session
/// opened by an earlier attempt whose answer was lost; the order then takes the session's identity.
/// </summary>
public sealed record OpenedSession(Guid OrderId, string OrderNumber, string SessionId, string? TradeToken, Uri RedirectUrl, DateTimeOffset ExpiresAt);

public sealed record RefundSubmission(
    Guid OrderId,
    Guid RefundId,
    string OrderNumber,
    string? SessionId,
    string? PaymentIntentId,
    Money Amount,
    string IdempotencyKey);

/// <summary>Evidence for the provider's dispute; <see cref="IdempotencyKey"/> is derived from the action, so a resend is the same call.</summary>
public sealed record DisputeEvidenceSubmission(Guid OrderId, string ProviderDisputeId, string Evidence, string IdempotencyKey);

public sealed record DisputeAcceptance(Guid OrderId, string ProviderDisputeId, string IdempotencyKey);

public sealed record PaymentLookup(Guid OrderId, string? SessionId, string? PaymentIntentId);

public enum ProviderPaymentStatus
{
    /// <summary>Still open or in flight.</summary>
    Pending,

    Paid,

    Failed,

    /// <summary>Closed unpaid (expired, cancelled).</summary>
    Expired,

    /// <summary>The provider does not know the payment.</summary>
    Unknown,
}

public sealed record PaymentLookupResult(ProviderPaymentStatus Status, string? PaymentIntentId = null, string? ProviderCode = null);

public sealed record RefundLookup(Guid OrderId, Guid RefundId, string? SessionId, string? PaymentIntentId);

public enum SubmittedRefundStatus
{
    Pending,
    Succeeded,
    Failed,
}

public sealed record SubmittedRefund(string ProviderRefundId, SubmittedRefundStatus Status, string? FailureCode);

/// <summary>The provider could not be reached, timed out, or failed on its side; nothing should be kept of the attempt.</summary>
public sealed class ProviderUnavailableException(PaymentProvider provider, string message, Exception? inner = null) : Exception(message, inner)
{
    public PaymentProvider Provider { get; } = provider;
}

/// <summary>The provider refused the request itself (a validation error on its side): not worth retrying as is.</summary>
public sealed class ProviderRejectedException(PaymentProvider provider, string providerCode, string message) : Exception(message)
{
    public PaymentProvider Provider { get; } = provider;

    public string ProviderCode { get; } = providerCode;
}
