using IpoctoPayments.Application.Common;
using IpoctoPayments.Domain.TopUps;

namespace IpoctoPayments.Application.TopUps;

/// <summary>A top-up as the console shows it; <see cref="Notice"/> tells the customer what happens to a payment that arrived late.</summary>
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
            order.LateCaptureNotice);
    }
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
