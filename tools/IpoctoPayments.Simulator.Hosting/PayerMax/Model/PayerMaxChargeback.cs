namespace IpoctoPayments.Simulator.PayerMax.Model;

/// <summary>
/// A chargeback case on a paid order. It opens in <see cref="ChargebackStatus.Inquiry"/> and moves once: decided
/// (<see cref="ChargebackStatus.Closed"/> with a result) or cancelled, so a second decision changes nothing.
/// </summary>
internal sealed class PayerMaxChargeback(string caseId, PayerMaxOrder order, long amountMinor, string reason, DateTimeOffset openedAt, DateOnly expirationDate)
{
    private readonly Lock gate = new();

    public string CaseId { get; } = caseId;

    public PayerMaxOrder Order { get; } = order;

    public long AmountMinor { get; } = amountMinor;

    public string Currency => Order.Currency;

    public string Reason { get; } = reason;

    public DateTimeOffset OpenedAt { get; } = openedAt;

    /// <summary>The day the merchant's evidence is due.</summary>
    public DateOnly ExpirationDate { get; } = expirationDate;

    public string Status { get; private set; } = ChargebackStatus.Inquiry;

    /// <summary><see cref="ChargebackStatus.Win"/>, <see cref="ChargebackStatus.Fail"/>, or null while open and once cancelled.</summary>
    public string? Result { get; private set; }

    public bool IsOpen
    {
        get { lock (gate) { return Status == ChargebackStatus.Inquiry; } }
    }

    /// <summary>Counts against the order's amount unless cancelled.</summary>
    public bool HoldsMoney
    {
        get { lock (gate) { return Status != ChargebackStatus.Cancelled; } }
    }

    /// <summary>Closes an open case with the issuer's decision; false when it was closed already.</summary>
    public bool TryDecide(bool merchantWon) => Transition(() =>
    {
        Status = ChargebackStatus.Closed;
        Result = merchantWon ? ChargebackStatus.Win : ChargebackStatus.Fail;
    });

    public bool TryCancel() => Transition(() => Status = ChargebackStatus.Cancelled);

    private bool Transition(Action change)
    {
        lock (gate)
        {
            if (Status != ChargebackStatus.Inquiry)
            {
                return false;
            }

            change();
            return true;
        }
    }
}
