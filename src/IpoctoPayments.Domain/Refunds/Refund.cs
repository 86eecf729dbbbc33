using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Errors;

namespace IpoctoPayments.Domain.Refunds;

/// <summary>
/// Money going back to the customer for one top-up. <see cref="Credit"/> is what leaves the ipocto balance (zero for a
/// late capture, which was never credited); <see cref="Charge"/> is what the provider returns in the paid currency.
/// Changed only through its <see cref="TopUps.TopUpOrder"/>.
/// </summary>
public sealed class Refund
{
    internal Refund(Guid id, Money credit, Money charge, bool forLateCapture, DateTimeOffset requestedAt)
    {
        Id = id;
        Credit = credit;
        Charge = charge;
        ForLateCapture = forLateCapture;
        RequestedAt = requestedAt;
        Status = RefundStatus.Pending;
    }

    public Guid Id { get; }

    public Money Credit { get; }

    public Money Charge { get; }

    public bool ForLateCapture { get; }

    public RefundStatus Status { get; private set; }

    public PaymentError? Failure { get; private set; }

    public DateTimeOffset RequestedAt { get; }

    public DateTimeOffset? CompletedAt { get; private set; }

    internal void Confirm(DateTimeOffset at)
    {
        Status = RefundStatus.Succeeded;
        CompletedAt = at;
    }

    internal void Fail(PaymentError error, DateTimeOffset at)
    {
        Status = RefundStatus.Failed;
        Failure = error;
        CompletedAt = at;
    }
}
