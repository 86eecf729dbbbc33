namespace IpoctoPayments.Simulator.PayerMax.Model;

/// <summary>A refund of a paid order; its status moves once, from pending to succeeded or failed.</summary>
internal sealed class PayerMaxRefund(
    string outRefundNo,
    string refundTradeNo,
    PayerMaxOrder order,
    long amountMinor,
    string? comments,
    string? notifyUrl,
    DateTimeOffset createdAt)
{
    private readonly Lock gate = new();

    public string OutRefundNo { get; } = outRefundNo;

    public string RefundTradeNo { get; } = refundTradeNo;

    public PayerMaxOrder Order { get; } = order;

    public long AmountMinor { get; } = amountMinor;

    public string Currency => Order.Currency;

    public string? Comments { get; } = comments;

    public string? NotifyUrl { get; } = notifyUrl;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string Status { get; private set; } = RefundStatus.Pending;

    public DateTimeOffset? FinishTime { get; private set; }

    public string? ResultMsg { get; private set; }

    /// <summary>Settles a pending refund; false when it was settled already, so a second outcome is a no-op.</summary>
    public bool TrySettle(bool succeeded, string? resultMsg, DateTimeOffset at)
    {
        lock (gate)
        {
            if (Status != RefundStatus.Pending)
            {
                return false;
            }

            Status = succeeded ? RefundStatus.Success : RefundStatus.Failed;
            ResultMsg = resultMsg;
            FinishTime = at;
            return true;
        }
    }
}
