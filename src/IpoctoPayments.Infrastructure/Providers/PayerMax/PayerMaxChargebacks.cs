using System.Globalization;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;

namespace IpoctoPayments.Infrastructure.Providers.PayerMax;

/// <summary>
/// A PayerMax chargeback case as a dispute report, the same from its notification and from <c>caseSearch</c>. A case is
/// open (<c>DISPUTE_INQUIRY</c>, <c>DISPUTE_RECEIVED</c> once evidence is in), decided (<c>DISPUTE_END</c>,
/// <c>CASE_CLOSED</c>, by <c>caseResult</c>) or cancelled (<c>CASE_CANCEL</c>, the money released). PayerMax freezes the
/// money when a case opens, so every case is a chargeback, none an inquiry.
/// </summary>
internal static class PayerMaxChargebacks
{
    /// <summary>Null for a status or amount this service cannot read.</summary>
    public static DisputeReport? Report(string caseId, string? status, string? caseResult, string? amount, string? currency, string? reason, string? expirationDate)
    {
        DisputeStatus? state = (status, caseResult) switch
        {
            ("DISPUTE_INQUIRY", _) => DisputeStatus.NeedsResponse,
            ("DISPUTE_RECEIVED", _) => DisputeStatus.UnderReview,
            ("DISPUTE_END" or "CASE_CLOSED", "WIN") or ("CASE_CANCEL", _) => DisputeStatus.Won,
            ("DISPUTE_END" or "CASE_CLOSED", "FAIL" or "LOSE") => DisputeStatus.Lost,
            _ => null,
        };
        var money = Money.Parse(amount, currency);
        return state is null || !money.IsSuccess
            ? null
            : new DisputeReport(caseId, money.Value, reason ?? "chargeback", state.Value, IsInquiry: false, RespondBy(expirationDate));
    }

    /// <summary>The answer is due by the end of <c>expirationDate</c> (a day, UTC).</summary>
    private static DateTimeOffset? RespondBy(string? expirationDate) =>
        DateOnly.TryParseExact(expirationDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day.AddDays(1), TimeOnly.MinValue, TimeSpan.Zero)
            : null;
}
