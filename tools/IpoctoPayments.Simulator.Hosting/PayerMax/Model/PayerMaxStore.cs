using IpoctoPayments.Simulator.Core;

namespace IpoctoPayments.Simulator.PayerMax.Model;

/// <summary>The PayerMax orders, refunds and chargeback cases in memory; <c>outTradeNo</c> is unique ignoring case, as at PayerMax.</summary>
internal sealed class PayerMaxStore : ISimulatorState
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, PayerMaxOrder> orders = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PayerMaxOrder> byTradeToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PayerMaxRefund> refunds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PayerMaxRefund> byRefundTradeNo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PayerMaxChargeback> chargebacks = new(StringComparer.Ordinal);

    public IReadOnlyList<PayerMaxOrder> Orders
    {
        get { lock (gate) { return [.. orders.Values.OrderBy(o => o.CreatedAt)]; } }
    }

    public IReadOnlyList<PayerMaxRefund> Refunds
    {
        get { lock (gate) { return [.. refunds.Values.OrderBy(r => r.CreatedAt)]; } }
    }

    public IReadOnlyList<PayerMaxChargeback> Chargebacks
    {
        get { lock (gate) { return [.. chargebacks.Values.OrderBy(c => c.OpenedAt)]; } }
    }

    public bool TryAdd(PayerMaxOrder order)
    {
        lock (gate)
        {
            if (!orders.TryAdd(order.OutTradeNo, order))
            {
                return false;
            }

            byTradeToken[order.TradeToken] = order;
            return true;
        }
    }

    public PayerMaxOrder? Find(string outTradeNo)
    {
        lock (gate)
        {
            return orders.GetValueOrDefault(outTradeNo);
        }
    }

    public PayerMaxOrder? FindByTradeToken(string tradeToken)
    {
        lock (gate)
        {
            return byTradeToken.GetValueOrDefault(tradeToken);
        }
    }

    /// <summary>Records a refund if its <c>outRefundNo</c> is new and the order accepts it; otherwise the reason.</summary>
    public RefundRejection? TryAddRefund(PayerMaxRefund refund)
    {
        lock (gate)
        {
            if (refunds.ContainsKey(refund.OutRefundNo))
            {
                return new RefundRejection(Duplicate: true, $"outRefundNo {refund.OutRefundNo} already exists");
            }

            if (refund.Order.TryAddRefund(refund) is { } reason)
            {
                return new RefundRejection(Duplicate: false, reason);
            }

            refunds[refund.OutRefundNo] = refund;
            byRefundTradeNo[refund.RefundTradeNo] = refund;
            return null;
        }
    }

    public PayerMaxRefund? FindRefund(string outRefundNo)
    {
        lock (gate)
        {
            return refunds.GetValueOrDefault(outRefundNo);
        }
    }

    public PayerMaxRefund? FindRefundByTradeNo(string refundTradeNo)
    {
        lock (gate)
        {
            return byRefundTradeNo.GetValueOrDefault(refundTradeNo);
        }
    }

    /// <summary>Records a case if its order accepts it; otherwise the reason.</summary>
    public string? TryAddChargeback(PayerMaxChargeback chargeback)
    {
        lock (gate)
        {
            if (chargeback.Order.TryAddChargeback(chargeback) is { } reason)
            {
                return reason;
            }

            chargebacks[chargeback.CaseId] = chargeback;
            return null;
        }
    }

    public PayerMaxChargeback? FindChargeback(string caseId)
    {
        lock (gate)
        {
            return chargebacks.GetValueOrDefault(caseId);
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            orders.Clear();
            byTradeToken.Clear();
            refunds.Clear();
            byRefundTradeNo.Clear();
            chargebacks.Clear();
        }
    }
}

internal sealed record RefundRejection(bool Duplicate, string Message);
