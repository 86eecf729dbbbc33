using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Errors;
using IpoctoPayments.Domain.Refunds;
using IpoctoPayments.Domain.Support;

namespace IpoctoPayments.Domain.TopUps;

/// <summary>
/// The refund half of the state table. A refund is asked in the balance currency and never for more than is left
/// (credited − refunded − pending); the provider returns the matching part of the charge at the locked rate.
/// </summary>
public sealed partial class TopUpOrder
{
    /// <summary>
    /// What can still be refunded from the balance: credit − confirmed − pending refunds, for a paid top-up not yet fully
    /// refunded; nothing otherwise (unpaid, failed, disputed, refunded — a late capture sent back included, though it never credited).
    /// </summary>
    public Money RefundableCredit => Status is (TopUpStatus.Succeeded or TopUpStatus.PartiallyRefunded) && !IsDisputed
        ? Left(r => r.Credit, Credit)
        : Money.Zero(Credit.Currency);

    /// <summary>What the provider can still return in the paid currency.</summary>
    public Money RefundableCharge => Left(r => r.Charge, Charge);

    /// <summary>
    /// Asks for a refund of <paramref name="amount"/> (all that is left when null) in the balance currency. Idempotent on
    /// <paramref name="refundId"/>: the same id and amount give back the same refund. The caller debits the balance now.
    /// </summary>
    public Result<Refund> RequestRefund(Guid refundId, Money? amount, DateTimeOffset at)
    {
        if (refunds.Find(r => r.Id == refundId) is { } existing)
            return amount is null || amount == existing.Credit
                ? existing
                : new DomainError("refund_id_conflict", $"Refund {refundId} was asked for {existing.Credit}, not {amount}.");
        if (Status is not (TopUpStatus.Succeeded or TopUpStatus.PartiallyRefunded))
            return new DomainError("order_not_refundable", $"Order {Number} is {Status}; only a paid top-up can be refunded.");
        // The cardholder's bank already took the money back, or is deciding whether to: a refund would pay it twice.
        if (IsDisputed)
            return new DomainError("order_disputed", $"Order {Number} is disputed by the cardholder's bank; it cannot be refunded while the dispute is open or after it was lost.");

        var left = RefundableCredit;
        amount ??= left;
        if (amount.Currency != Credit.Currency)
            return new DomainError("currency_mismatch", $"Refunds of order {Number} are in {Credit.Currency}.");
        if (amount.IsZero)
            return new DomainError("invalid_amount", left.IsZero ? $"Order {Number} has nothing left to refund." : "A refund must be above zero.");
        if (amount.MinorUnits > left.MinorUnits)
            return new DomainError("refund_exceeds_remaining", $"{amount} is more than the {left} left to refund on order {Number}.");

        var charge = ChargeFor(amount, left);
        if (!charge.IsSuccess)
            return charge.Error!;

        return AddRefund(new Refund(refundId, amount, charge.Value, forLateCapture: false, at),
            $"Refund of {amount} requested ({charge.Value} back to the customer); the balance is debited now.");
    }

    /// <summary>Policy "refund automatically" for a late capture: all of the charge goes back; the balance was never credited.</summary>
    public Result<Refund> RequestLateCaptureRefund(Guid refundId, DateTimeOffset at)
    {
        if (refunds.Find(r => r.Id == refundId) is { } existing)
            return existing;
        if (Status != TopUpStatus.LateCapture)
            return new DomainError("order_not_late_capture", $"Order {Number} is {Status}, not a late capture.");
        if (refunds.Exists(r => r.Status != RefundStatus.Failed))
            return new DomainError("late_capture_refund_in_progress", $"Order {Number} is already being refunded.");

        return AddRefund(new Refund(refundId, Money.Zero(Credit.Currency), Charge, forLateCapture: true, at),
            $"Automatic refund of {Charge} requested. {LateCaptureMessage}");
    }

    /// <summary>The provider confirmed the refund: PartiallyRefunded, or Refunded once everything paid has gone back.</summary>
    public Result<Transition> ConfirmRefund(Guid refundId, DateTimeOffset at)
    {
        if (refunds.Find(r => r.Id == refundId) is not { } refund)
            return RefundNotFound(refundId);
        if (IgnoreIfSettled(refund, RefundStatus.Succeeded, "refund confirmed", at) is { } ignored)
            return ignored;

        refund.Confirm(at);
        var refundedCharge = refunds.Where(r => r.Status == RefundStatus.Succeeded).Sum(r => r.Charge.MinorUnits);
        var to = refundedCharge == Charge.MinorUnits ? TopUpStatus.Refunded : TopUpStatus.PartiallyRefunded;
        return Apply(to, new TimelineEntry(at, TimelineEntryKind.RefundConfirmed, $"Refund of {refund.Charge} confirmed by {Provider}."));
    }

    /// <summary>The provider could not refund: what was asked is refundable again, and the caller restores the balance.</summary>
    public Result<Transition> FailRefund(Guid refundId, PaymentError error, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (refunds.Find(r => r.Id == refundId) is not { } refund)
            return RefundNotFound(refundId);
        if (IgnoreIfSettled(refund, RefundStatus.Failed, "refund failed", at) is { } ignored)
            return ignored;

        refund.Fail(error, at);
        var restored = refund.ForLateCapture ? string.Empty : $" {refund.Credit} is back on the balance.";
        return Apply(Status, new TimelineEntry(at, TimelineEntryKind.RefundFailed,
            $"Refund of {refund.Charge} failed: {error.Message}{restored}", error.Code));
    }

    /// <summary>A refund settles once: the same outcome again is a duplicate, the other outcome a stale event.</summary>
    private Transition? IgnoreIfSettled(Refund refund, RefundStatus reported, string @event, DateTimeOffset at) =>
        refund.Status == RefundStatus.Pending
            ? null
            : Ignore(refund.Status == reported ? TransitionOutcome.DuplicateIgnored : TransitionOutcome.StaleIgnored, @event, at);

    private Result<Money> ChargeFor(Money credit, Money leftCredit)
    {
        if (ExchangeRate is null)
            return credit;

        // The last refund takes whatever charge is left, so rounding never strands or over-refunds a minor unit.
        if (credit == leftCredit)
            return RefundableCharge;

        return ExchangeRate.Convert(credit, ChargeDecimals).Then(converted =>
        {
            var charge = converted.MinorUnits > RefundableCharge.MinorUnits ? RefundableCharge : converted;
            return charge.IsZero
                ? new DomainError("invalid_amount", $"{credit} is too small to refund in {Charge.Currency}.")
                : (Result<Money>)charge;
        });
    }

    private Refund AddRefund(Refund refund, string message)
    {
        refunds.Add(refund);
        Record(new TimelineEntry(refund.RequestedAt, TimelineEntryKind.RefundRequested, message));
        return refund;
    }

    private Money Left(Func<Refund, Money> part, Money total) =>
        Money.FromMinorUnits(
            total.MinorUnits - refunds.Where(r => r.Status != RefundStatus.Failed).Sum(r => part(r).MinorUnits),
            total.Currency).Value;

    private DomainError RefundNotFound(Guid refundId) => new("refund_not_found", $"Order {Number} has no refund {refundId}.");
}
