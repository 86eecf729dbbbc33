using IpoctoPayments.Simulator.PayerMax.Catalogue;

namespace IpoctoPayments.Simulator.PayerMax.Model;

/// <summary>What the merchant asked for in <c>orderAndPay</c>.</summary>
internal sealed record OrderRequest(
    string OutTradeNo,
    string Subject,
    long AmountMinor,
    PayerMaxCountry Country,
    string UserId,
    string FrontCallbackUrl,
    string? NotifyUrl,
    string? Reference,
    string? Language,
    string? PreselectedType,
    string? PreselectedTargetOrg);

/// <summary>
/// A hosted-checkout order. Every status change goes through a guarded transition, so a second outcome for
/// the same order (a double click, a control call racing the cashier) changes nothing.
/// </summary>
internal sealed class PayerMaxOrder(OrderRequest request, string tradeToken, string channelNo, DateTimeOffset createdAt, DateTimeOffset expiresAt)
{
    private readonly Lock gate = new();
    private readonly List<PayerMaxRefund> refunds = [];
    private readonly List<PayerMaxChargeback> chargebacks = [];
    private PaymentDetail? lateCapture;

    public OrderRequest Request { get; } = request;

    public string OutTradeNo => Request.OutTradeNo;

    public string TradeToken { get; } = tradeToken;

    public string ChannelNo { get; } = channelNo;

    public string Currency => Request.Country.Currency;

    public long AmountMinor => Request.AmountMinor;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public string Status { get; private set; } = PaymentStatus.Pending;

    /// <summary>The error code of a failed or closed order (the notification's top-level <c>code</c>).</summary>
    public string? ResultCode { get; private set; }

    public string? ResultMsg { get; private set; }

    public DateTimeOffset? CompleteTime { get; private set; }

    public PaymentDetail? Payment { get; private set; }

    /// <summary>True while a "bank sync delay" capture waits: reported failed, money already taken.</summary>
    public bool AwaitsLateCapture
    {
        get { lock (gate) { return lateCapture is not null; } }
    }

    public IReadOnlyList<PayerMaxRefund> Refunds
    {
        get { lock (gate) { return [.. refunds]; } }
    }

    public IReadOnlyList<PayerMaxChargeback> Chargebacks
    {
        get { lock (gate) { return [.. chargebacks]; } }
    }

    /// <summary>What a new chargeback may still take: the amount less refunds (but failed ones) and cases (but cancelled ones).</summary>
    public long ChargeableMinor
    {
        get
        {
            lock (gate)
            {
                return ChargeableLocked();
            }
        }
    }

    /// <summary>The methods the cashier offers: the country's, narrowed to the preselected one, within their limits.</summary>
    public IReadOnlyList<PaymentMethod> OfferedMethods =>
        [.. Request.Country.Methods.Where(m =>
            (Request.PreselectedType is not { } type || m.Matches(type, Request.PreselectedTargetOrg)) && m.Allows(AmountMinor))];

    public long RefundableMinor
    {
        get
        {
            lock (gate)
            {
                return AmountMinor - refunds.Where(r => r.Status != RefundStatus.Failed).Sum(r => r.AmountMinor);
            }
        }
    }

    public bool TrySucceed(PaymentDetail payment, DateTimeOffset at) => Transition(PaymentStatus.Pending, () =>
    {
        Status = PaymentStatus.Success;
        Payment = payment;
        CompleteTime = at;
    });

    /// <summary>Fails a pending order; with <paramref name="capturedLater"/> the money is taken anyway and <see cref="TryCaptureLate"/> follows.</summary>
    public bool TryFail(string code, string msg, DateTimeOffset at, PaymentDetail? capturedLater = null) => Transition(PaymentStatus.Pending, () =>
    {
        Status = PaymentStatus.Failed;
        ResultCode = code;
        ResultMsg = msg;
        CompleteTime = at;
        lateCapture = capturedLater;
    });

    /// <summary>The late capture of a "bank sync delay": the order reported failed becomes paid.</summary>
    public bool TryCaptureLate(DateTimeOffset at) => Transition(PaymentStatus.Failed, () =>
    {
        if (lateCapture is null)
        {
            return false;
        }

        Status = PaymentStatus.Success;
        Payment = lateCapture;
        ResultCode = null;
        ResultMsg = null;
        CompleteTime = at;
        lateCapture = null;
        return true;
    });

    public bool TryClose(string code, string msg, DateTimeOffset at) => Transition(PaymentStatus.Pending, () =>
    {
        Status = PaymentStatus.Closed;
        ResultCode = code;
        ResultMsg = msg;
        CompleteTime = at;
    });

    /// <summary>Adds a refund if the order is paid and enough is left; otherwise says why not.</summary>
    public string? TryAddRefund(PayerMaxRefund refund)
    {
        lock (gate)
        {
            if (Status != PaymentStatus.Success)
            {
                return $"order {OutTradeNo} is {Status}; only SUCCESS orders can be refunded";
            }

            var left = AmountMinor - refunds.Where(r => r.Status != RefundStatus.Failed).Sum(r => r.AmountMinor);
            if (refund.AmountMinor > left)
            {
                return $"refundAmount exceeds what is left to refund ({PayerMaxMoney.Display(left, Currency)})";
            }

            refunds.Add(refund);
            return null;
        }
    }

    /// <summary>Adds a case if the order is paid, has no open case and enough is left; otherwise says why not.</summary>
    public string? TryAddChargeback(PayerMaxChargeback chargeback)
    {
        lock (gate)
        {
            if (Status != PaymentStatus.Success)
            {
                return $"Order {OutTradeNo} is {Status}; only a paid (SUCCESS) order can be charged back.";
            }

            if (chargebacks.Find(c => c.IsOpen) is { } open)
            {
                return $"Order {OutTradeNo} already has an open chargeback case, {open.CaseId}.";
            }

            var left = ChargeableLocked();
            if (chargeback.AmountMinor > left)
            {
                return $"The amount exceeds what is left to charge back on order {OutTradeNo} ({PayerMaxMoney.Display(left, Currency)}).";
            }

            chargebacks.Add(chargeback);
            return null;
        }
    }

    private long ChargeableLocked() =>
        AmountMinor - refunds.Where(r => r.Status != RefundStatus.Failed).Sum(r => r.AmountMinor) - chargebacks.Where(c => c.HoldsMoney).Sum(c => c.AmountMinor);

    private bool Transition(string from, Action change) => Transition(from, () =>
    {
        change();
        return true;
    });

    private bool Transition(string from, Func<bool> change)
    {
        lock (gate)
        {
            return Status == from && change();
        }
    }
}
