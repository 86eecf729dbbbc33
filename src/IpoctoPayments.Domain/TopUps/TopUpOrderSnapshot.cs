namespace IpoctoPayments.Domain.TopUps;

/// <summary>
/// A top-up's whole state in plain values, for storage. Taken with <see cref="TopUpOrder.ToSnapshot"/> and turned back
/// into the order with <see cref="TopUpOrder.Restore"/>; the domain keeps its rules, storage keeps the values.
/// </summary>
public sealed record TopUpOrderSnapshot(
    Guid Id,
    string Number,
    string AccountId,
    string Provider,
    string Country,
    long CreditMinorUnits,
    string CreditCurrency,
    long ChargeMinorUnits,
    string ChargeCurrency,
    string? ExchangeRate,
    string? PaymentMethodCode,
    string? PaymentMethodKind,
    string? SessionId,
    string? TradeToken,
    string? PaymentIntentId,
    string? PaymentPage,
    string Status,
    string? FailureCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PaidAt,
    int Version,
    IReadOnlyList<AttemptSnapshot> Attempts,
    IReadOnlyList<RefundSnapshot> Refunds,
    IReadOnlyList<TimelineSnapshot> Timeline,
    int ChargeDecimals)
{
    /// <summary>Absent from orders stored before disputes were kept.</summary>
    public IReadOnlyList<DisputeSnapshot> Disputes { get; init; } = [];
}

public sealed record AttemptSnapshot(DateTimeOffset At, string ErrorCode, string? ProviderCode, string? Reference);

public sealed record RefundSnapshot(
    Guid Id,
    long CreditMinorUnits,
    long ChargeMinorUnits,
    bool ForLateCapture,
    string Status,
    string? FailureCode,
    DateTimeOffset RequestedAt,
    DateTimeOffset? CompletedAt);

public sealed record TimelineSnapshot(DateTimeOffset At, string Kind, string Message, string? Code);

public sealed record DisputeSnapshot(
    Guid Id,
    string ProviderDisputeId,
    long CreditMinorUnits,
    long ChargeMinorUnits,
    string Reason,
    bool IsInquiry,
    string Status,
    DateTimeOffset OpenedAt,
    DateTimeOffset? RespondBy,
    DateTimeOffset? ClosedAt,
    string? Evidence,
    DateTimeOffset? EvidenceSubmittedAt,
    bool Accepted,
    bool FundsWithdrawn);
