using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;
using IpoctoPayments.Domain.Errors;
using IpoctoPayments.Domain.PaymentMethods;
using IpoctoPayments.Domain.Refunds;
using IpoctoPayments.Domain.Support;

namespace IpoctoPayments.Domain.TopUps;

public sealed partial class TopUpOrder
{
    public TopUpOrderSnapshot ToSnapshot() => new(
        Id,
        Number.Value,
        AccountId.Value,
        Provider.ToString(),
        Country.Value,
        Credit.MinorUnits,
        Credit.Currency.Code,
        Charge.MinorUnits,
        Charge.Currency.Code,
        ExchangeRate?.Rate,
        PaymentMethodCode,
        PaymentMethodKind?.ToString(),
        References.SessionId,
        References.TradeToken,
        References.PaymentIntentId,
        PaymentPage?.AbsoluteUri,
        Status.ToString(),
        Failure?.Code,
        CreatedAt,
        UpdatedAt,
        PaidAt,
        Version,
        [.. attempts.Select(a => new AttemptSnapshot(a.At, a.Error.Code, a.ProviderCode, a.Reference))],
        [.. refunds.Select(r => new RefundSnapshot(r.Id, r.Credit.MinorUnits, r.Charge.MinorUnits, r.ForLateCapture, r.Status.ToString(), r.Failure?.Code, r.RequestedAt, r.CompletedAt))],
        [.. timeline.Select(e => new TimelineSnapshot(e.At, e.Kind.ToString(), e.Message, e.Code))],
        ChargeDecimals)
    {
        Disputes = [.. disputes.Select(d => new DisputeSnapshot(
            d.Id, d.ProviderDisputeId, d.Credit.MinorUnits, d.Charge.MinorUnits, d.Reason, d.IsInquiry, d.Status.ToString(), d.OpenedAt,
            d.RespondBy, d.ClosedAt, d.Evidence, d.EvidenceSubmittedAt, d.Accepted, d.FundsWithdrawn))],
    };

    /// <summary>Rebuilds a stored order. Values that no longer parse mean the store is corrupt, and are refused loudly.</summary>
    public static TopUpOrder Restore(TopUpOrderSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var creditCurrency = Currency.FromCode(snapshot.CreditCurrency).Value;
        var chargeCurrency = Currency.FromCode(snapshot.ChargeCurrency).Value;
        var rate = snapshot.ExchangeRate is null ? null : Common.ExchangeRate.Parse(creditCurrency, chargeCurrency, snapshot.ExchangeRate).Value;
        var order = new TopUpOrder(
            snapshot.Id,
            OrderNumber.Parse(snapshot.Number).Value,
            Common.AccountId.Parse(snapshot.AccountId).Value,
            Enum.Parse<PaymentProvider>(snapshot.Provider),
            CountryCode.Parse(snapshot.Country).Value,
            Money.FromMinorUnits(snapshot.CreditMinorUnits, creditCurrency).Value,
            Money.FromMinorUnits(snapshot.ChargeMinorUnits, chargeCurrency).Value,
            rate,
            method: null,
            snapshot.CreatedAt)
        {
            PaymentMethodCode = snapshot.PaymentMethodCode,
            PaymentMethodKind = snapshot.PaymentMethodKind is null ? null : Enum.Parse<PaymentMethodKind>(snapshot.PaymentMethodKind),
            References = new ProviderReferences(snapshot.SessionId, snapshot.TradeToken, snapshot.PaymentIntentId),
            PaymentPage = snapshot.PaymentPage is null ? null : new Uri(snapshot.PaymentPage),
            Status = Enum.Parse<TopUpStatus>(snapshot.Status),
            Failure = snapshot.FailureCode is null ? null : PaymentErrors.FromCode(snapshot.FailureCode),
            UpdatedAt = snapshot.UpdatedAt,
            PaidAt = snapshot.PaidAt,
            Version = snapshot.Version,
            ChargeDecimals = snapshot.ChargeDecimals,
        };

        order.attempts.AddRange(snapshot.Attempts.Select(a => new PaymentAttempt(a.At, PaymentErrors.FromCode(a.ErrorCode), a.ProviderCode, a.Reference)));
        order.refunds.AddRange(snapshot.Refunds.Select(r => RestoreRefund(r, creditCurrency, chargeCurrency)));
        order.disputes.AddRange(snapshot.Disputes.Select(d => Dispute.Restore(
            d.Id, d.ProviderDisputeId, Money.FromMinorUnits(d.CreditMinorUnits, creditCurrency).Value, Money.FromMinorUnits(d.ChargeMinorUnits, chargeCurrency).Value,
            d.Reason, d.IsInquiry, d.OpenedAt, Enum.Parse<DisputeStatus>(d.Status), d.RespondBy, d.ClosedAt, d.Evidence, d.EvidenceSubmittedAt,
            d.Accepted, d.FundsWithdrawn)));
        order.timeline.AddRange(snapshot.Timeline.Select(e => new TimelineEntry(e.At, Enum.Parse<TimelineEntryKind>(e.Kind), e.Message, e.Code)));
        return order;
    }

    private static Refund RestoreRefund(RefundSnapshot snapshot, Currency creditCurrency, Currency chargeCurrency)
    {
        var refund = new Refund(
            snapshot.Id,
            Money.FromMinorUnits(snapshot.CreditMinorUnits, creditCurrency).Value,
            Money.FromMinorUnits(snapshot.ChargeMinorUnits, chargeCurrency).Value,
            snapshot.ForLateCapture,
            snapshot.RequestedAt);
        switch (Enum.Parse<RefundStatus>(snapshot.Status))
        {
            case RefundStatus.Succeeded:
                refund.Confirm(snapshot.CompletedAt!.Value);
                break;
            case RefundStatus.Failed:
                refund.Fail(PaymentErrors.FromCode(snapshot.FailureCode), snapshot.CompletedAt!.Value);
                break;
        }

        return refund;
    }
}
