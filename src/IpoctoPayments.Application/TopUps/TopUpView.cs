using IpoctoPayments.Application.Common;
using IpoctoPayments.Domain.Disputes;
using IpoctoPayments.Domain.TopUps;

namespace IpoctoPayments.Application.TopUps;

/// <summary>
/// A top-up as the console shows it; its notice tells the customer what happens to a payment that arrived late, or to
/// a top-up their bank disputed.
/// </summary>
public sealed record TopUpView(
    Guid Id,
    string OrderNumber,
    string AccountId,
    string Provider,
    string Status,
    MoneyView Amount,
    MoneyView Charge,
    string? ExchangeRate,
    string Country,
    string? PaymentMethod,
    Uri? PaymentUrl,
    ErrorView? Failure,
    IReadOnlyList<AttemptView> Attempts,
    IReadOnlyList<RefundView> Refunds,
    MoneyView Refundable,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PaidAt,
    string? Notice)
{
    /// <summary>Disputes the cardholder's bank opened on this top-up, oldest first.</summary>
    public IReadOnlyList<DisputeView> Disputes { get; init; } = [];

    public static TopUpView From(TopUpOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new TopUpView(
            order.Id,
            order.Number.Value,
            order.AccountId.Value,
            ProviderNames.Of(order.Provider),
            StatusNames.Of(order.Status),
            MoneyView.From(order.Credit),
            MoneyView.From(order.Charge),
            order.ExchangeRate?.ToString(),
            order.Country.Value,
            order.PaymentMethodCode,
            order.Status == TopUpStatus.AwaitingPayment ? order.PaymentPage : null,
            order.Failure is null ? null : ErrorView.From(order.Failure),
            [.. order.Attempts.Select(a => new AttemptView(a.At, ErrorView.From(a.Error)))],
            [.. order.Refunds.Select(RefundView.From)],
            MoneyView.From(order.RefundableCredit),
            order.CreatedAt,
            order.UpdatedAt,
            order.PaidAt,
            DisputeNotice(order) ?? order.LateCaptureNotice)
        {
            Disputes = [.. order.Disputes.Select(DisputeView.From)],
        };
    }

    private static string? DisputeNotice(TopUpOrder order) => (order.Disputes.Count == 0 ? null : order.Disputes[^1]) switch
    {
        null => null,
        { IsInquiry: true, Status: DisputeStatus.NeedsResponse or DisputeStatus.UnderReview } =>
            "Your bank asked about this top-up. Nothing has changed on your balance; contact your bank if you did not ask it to.",
        { Status: DisputeStatus.NeedsResponse or DisputeStatus.UnderReview } d =>
            $"Your bank disputed this top-up: {d.Credit} was taken back from your balance while the bank decides.",
        { Status: DisputeStatus.Won, FundsWithdrawn: true } d => $"Your bank's dispute of this top-up was decided for ipocto: {d.Credit} is back on your balance.",
        { Status: DisputeStatus.Won } => "Your bank's question about this top-up is closed; nothing changed on your balance.",
        var d => $"Your bank's dispute of this top-up was decided for you: {d.Credit} stays taken from your balance.",
    };
}

/// <summary>A declined attempt: when, and the code the customer writes down.</summary>
public sealed record AttemptView(DateTimeOffset At, ErrorView Error);

public sealed record RefundView(Guid Id, string Status, MoneyView Amount, MoneyView Charge, bool ForLateCapture, ErrorView? Failure, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt)
{
    public static RefundView From(Domain.Refunds.Refund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        return new RefundView(
            refund.Id,
            StatusNames.Of(refund.Status),
            MoneyView.From(refund.Credit),
            MoneyView.From(refund.Charge),
            refund.ForLateCapture,
            refund.Failure is null ? null : ErrorView.From(refund.Failure),
            refund.RequestedAt,
            refund.CompletedAt);
    }
}

/// <summary>A dispute as the console and support see it: its state, reason, amounts and deadline.</summary>
public sealed record DisputeView(
    Guid Id,
    string ProviderDisputeId,
    string Status,
    string Reason,
    bool Inquiry,
    MoneyView Amount,
    MoneyView Charge,
    DateTimeOffset OpenedAt,
    DateTimeOffset? RespondBy,
    DateTimeOffset? EvidenceSubmittedAt,
    bool Accepted,
    DateTimeOffset? ClosedAt)
{
    public static DisputeView From(Dispute dispute)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        return new DisputeView(
            dispute.Id,
            dispute.ProviderDisputeId,
            StatusNames.Of(dispute.Status),
            dispute.Reason,
            dispute.IsInquiry,
            MoneyView.From(dispute.Credit),
            MoneyView.From(dispute.Charge),
            dispute.OpenedAt,
            dispute.RespondBy,
            dispute.EvidenceSubmittedAt,
            dispute.Accepted,
            dispute.ClosedAt);
    }
}
