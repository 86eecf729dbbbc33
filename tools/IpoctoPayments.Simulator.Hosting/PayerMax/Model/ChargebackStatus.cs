namespace IpoctoPayments.Simulator.PayerMax.Model;

/// <summary>PayerMax's chargeback case statuses and results, spelled as on the wire.</summary>
internal static class ChargebackStatus
{
    /// <summary>Opened: the amount is frozen and PayerMax waits for the merchant's evidence.</summary>
    public const string Inquiry = "DISPUTE_INQUIRY";

    /// <summary>The issuer has decided; <c>caseResult</c> says how.</summary>
    public const string Ended = "DISPUTE_END";

    public const string Closed = "CASE_CLOSED";

    /// <summary>Withdrawn: the frozen amount goes back to the merchant and the case has no result.</summary>
    public const string Cancelled = "CASE_CANCEL";

    /// <summary><c>caseResult</c> when the merchant won: the frozen amount is released.</summary>
    public const string Win = "WIN";

    /// <summary><c>caseResult</c> when the merchant lost: the payer keeps the amount.</summary>
    public const string Fail = "FAIL";
}
