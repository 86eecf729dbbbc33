using IpoctoPayments.Simulator.PayerMax.Catalogue;
using IpoctoPayments.Simulator.PayerMax.Model;

namespace IpoctoPayments.Simulator.PayerMax.Control;

/// <summary>An order as the control API lists it; amounts in major units, as PayerMax writes them.</summary>
internal sealed record OrderView(
    string OutTradeNo,
    string TradeToken,
    string Status,
    string Subject,
    decimal TotalAmount,
    string Currency,
    string Country,
    string? ResultCode,
    string? ResultMsg,
    PaymentDetail? Payment,
    bool AwaitsLateCapture,
    string CashierPath,
    IReadOnlyList<string> OfferedMethods,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? CompleteTime,
    decimal RefundableAmount,
    IReadOnlyList<RefundView> Refunds)
{
    public static OrderView Of(PayerMaxOrder order) => new(
        order.OutTradeNo,
        order.TradeToken,
        order.Status,
        order.Request.Subject,
        PayerMaxMoney.ToMajor(order.AmountMinor, order.Currency),
        order.Currency,
        order.Request.Country.Code,
        order.ResultCode,
        order.ResultMsg,
        order.Payment,
        order.AwaitsLateCapture,
        PayerMaxUrls.Cashier(order.TradeToken),
        [.. order.OfferedMethods.Select(m => m.Key)],
        order.CreatedAt,
        order.ExpiresAt,
        order.CompleteTime,
        order.Status == PaymentStatus.Success ? PayerMaxMoney.ToMajor(order.RefundableMinor, order.Currency) : 0m,
        [.. order.Refunds.Select(RefundView.Of)]);
}

internal sealed record RefundView(
    string OutRefundNo,
    string RefundTradeNo,
    string OutTradeNo,
    string Status,
    decimal RefundAmount,
    string RefundCurrency,
    string? ResultMsg,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishTime)
{
    public static RefundView Of(PayerMaxRefund refund) => new(
        refund.OutRefundNo,
        refund.RefundTradeNo,
        refund.Order.OutTradeNo,
        refund.Status,
        PayerMaxMoney.ToMajor(refund.AmountMinor, refund.Currency),
        refund.Currency,
        refund.ResultMsg,
        refund.CreatedAt,
        refund.FinishTime);
}

/// <summary>Body of <c>complete</c>: the method the customer "used"; by default the order's first offered method.</summary>
internal sealed record CompleteOrderBody(string? PaymentMethodType, string? TargetOrg);

/// <summary>Body of <c>fail</c>: the decline code (default <c>PAYMENT_FAILED</c>).</summary>
internal sealed record FailOrderBody(string? Code);
