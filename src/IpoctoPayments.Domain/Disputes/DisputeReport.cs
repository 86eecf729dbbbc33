using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Disputes;

/// <summary>
/// What a provider says a dispute looks like now — every Stripe dispute event and PayerMax chargeback notification
/// carries the whole case, so each one is a report, whichever arrives first.
/// </summary>
/// <param name="ProviderDisputeId">Stripe's <c>dp_…</c>, PayerMax's case id.</param>
/// <param name="Amount">The disputed part of the charge, in the charge currency.</param>
/// <param name="Reason">The provider's reason code (<c>fraudulent</c>, <c>product_not_received</c>, …).</param>
/// <param name="Status">Where the case stands now.</param>
/// <param name="IsInquiry">
/// A question from the bank before any chargeback (Stripe's <c>warning_*</c> states): no money moves unless it becomes one.
/// </param>
/// <param name="RespondBy">The deadline for evidence, when the provider gives one.</param>
public sealed record DisputeReport(
    string ProviderDisputeId,
    Money Amount,
    string Reason,
    DisputeStatus Status,
    bool IsInquiry,
    DateTimeOffset? RespondBy);
