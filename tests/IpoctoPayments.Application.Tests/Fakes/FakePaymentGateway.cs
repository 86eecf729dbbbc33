using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;

namespace IpoctoPayments.Application.Tests.Fakes;

/// <summary>
/// A provider that keeps its sessions by idempotency key, as Stripe and PayerMax do: asking again with a key it has seen
/// replays the first session, with the order id and number it was opened for. Scriptable to be down, to lose an answer, or
/// to refuse refunds.
/// </summary>
public sealed class FakePaymentGateway(PaymentProvider provider) : IPaymentGateway
{
    private readonly Dictionary<string, OpenedSession> sessions = [];

    public PaymentProvider Provider { get; } = provider;

    /// <summary>Decimals taken per currency where fewer than ISO's, as PayerMax takes none for IDR.</summary>
    public Dictionary<string, int> Decimals { get; } = [];

    public int ChargeDecimals(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return Decimals.GetValueOrDefault(currency.Code, currency.Exponent);
    }

    public List<OpenSessionRequest> SessionRequests { get; } = [];

    /// <summary>The refunds the provider took: each one it answered, not those it refused or never received.</summary>
    public List<RefundSubmission> Refunds { get; } = [];

    /// <summary>Every refund call made to the provider, answered or not (down, refused).</summary>
    public int RefundAttempts { get; private set; }

    public IReadOnlyCollection<OpenedSession> Sessions => sessions.Values;

    /// <summary>Every call fails as if the provider could not be reached.</summary>
    public bool Unavailable { get; set; }

    /// <summary>The next session is opened, but its answer never reaches the caller.</summary>
    public bool LoseNextAnswer { get; set; }

    /// <summary>When set, the provider refuses every refund with this code, as a validation error on its side.</summary>
    public string? RefundRejection { get; set; }

    /// <summary>What the provider answers a refund with at once.</summary>
    public SubmittedRefundStatus RefundStatus { get; set; } = SubmittedRefundStatus.Pending;

    /// <summary>What the provider reports about each order's payment when asked (reconciliation); unknown when unset.</summary>
    public Dictionary<Guid, PaymentLookupResult> Payments { get; } = [];

    /// <summary>What the provider reports about each refund when asked.</summary>
    public Dictionary<Guid, SubmittedRefundStatus> RefundStates { get; } = [];

    public int Lookups { get; private set; }

    /// <summary>Orders whose look-up the provider refuses (an unknown session, say).</summary>
    public HashSet<Guid> RefusedLookups { get; } = [];

    public Task<OpenedSession> OpenSessionAsync(OpenSessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        SessionRequests.Add(request);
        ThrowIfUnavailable();
        if (!sessions.TryGetValue(request.IdempotencyKey, out var session))
        {
            var id = $"{(Provider == PaymentProvider.Stripe ? "cs" : "pm")}_{sessions.Count + 1}";
            session = new OpenedSession(request.OrderId, request.OrderNumber, id, Provider == PaymentProvider.PayerMax ? $"tt_{id}" : null,
                new Uri($"https://pay.example/{id}"), request.ExpiresAt);
            sessions.Add(request.IdempotencyKey, session);
        }

        if (LoseNextAnswer)
        {
            LoseNextAnswer = false;
            throw new ProviderUnavailableException(Provider, "The connection dropped before the answer arrived.");
        }

        return Task.FromResult(session);
    }

    public Task<SubmittedRefund> RefundAsync(RefundSubmission request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RefundAttempts++;
        ThrowIfUnavailable();
        if (RefundRejection is { } code)
        {
            throw new ProviderRejectedException(Provider, code, "The refund amount is not valid for this payment.");
        }

        Refunds.Add(request);
        return Task.FromResult(new SubmittedRefund($"re_{Refunds.Count}", RefundStatus, RefundStatus == SubmittedRefundStatus.Failed ? "declined" : null));
    }

    public Task<PaymentLookupResult> LookUpPaymentAsync(PaymentLookup lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ThrowIfUnavailable();
        Lookups++;
        if (RefusedLookups.Contains(lookup.OrderId))
        {
            throw new ProviderRejectedException(Provider, "resource_missing", "No such checkout session.");
        }

        return Task.FromResult(Payments.GetValueOrDefault(lookup.OrderId) ?? new PaymentLookupResult(ProviderPaymentStatus.Unknown));
    }

    /// <summary>Disputes as the provider reports them, by the provider's id; set by a test.</summary>
    public Dictionary<string, (DisputeReport Report, string? PaymentIntentId, DateTimeOffset Created)> Disputes { get; } = [];

    public Task<DisputeReport?> LookUpDisputeAsync(string providerDisputeId, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable();
        Lookups++;
        return Task.FromResult(Disputes.TryGetValue(providerDisputeId, out var dispute) ? dispute.Report : null);
    }

    public Task<IReadOnlyList<ReportedDispute>> ListDisputesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        ThrowIfUnavailable();
        return Task.FromResult<IReadOnlyList<ReportedDispute>>([.. Disputes.Values.Where(d => d.Created >= since).Select(d => new ReportedDispute(d.Report, d.PaymentIntentId, d.Created))]);
    }

    public Task<SubmittedRefundStatus?> LookUpRefundAsync(RefundLookup lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ThrowIfUnavailable();
        Lookups++;
        return Task.FromResult(RefundStates.TryGetValue(lookup.RefundId, out var state) ? state : (SubmittedRefundStatus?)null);
    }

    // No use case of these tests sends a dispute's answer; the API tests drive the real gateways against the simulator.
    public Task<DisputeReport?> SubmitDisputeEvidenceAsync(DisputeEvidenceSubmission request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<DisputeReport?> AcceptDisputeAsync(DisputeAcceptance request, CancellationToken cancellationToken) => throw new NotSupportedException();

    private void ThrowIfUnavailable()
    {
        if (Unavailable)
        {
            throw new ProviderUnavailableException(Provider, $"{Provider} answered 503.");
        }
    }
}

public sealed class FakePaymentGateways(FakePaymentGateway stripe, FakePaymentGateway payerMax) : IPaymentGateways
{
    public IPaymentGateway For(PaymentProvider provider) => provider == PaymentProvider.Stripe ? stripe : payerMax;
}
