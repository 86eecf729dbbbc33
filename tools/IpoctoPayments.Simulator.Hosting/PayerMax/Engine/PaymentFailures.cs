namespace IpoctoPayments.Simulator.PayerMax.Engine;

/// <summary>The outcome codes a payment can fail with (payermax.md: outcome, card and risk codes) and their messages.</summary>
internal static class PaymentFailures
{
    public static IReadOnlyDictionary<string, string> Messages { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["PAYMENT_FAILED"] = "Payment failed.",
        ["PAYMENT_CANCELED"] = "The payment was cancelled by the user.",
        ["BALANCE_INSUFFICIENT"] = "Insufficient balance.",
        ["ACCOUNT_BLOCKED"] = "The payer's account is blocked.",
        ["CARD_INVALID"] = "The card is invalid.",
        ["CVV_INVALID"] = "The CVV is invalid.",
        ["OTP_VERIFY_FAILED"] = "The one-time password could not be verified.",
        ["RISK_FAILED"] = "The payment was rejected by risk control.",
        ["ISSUER_PAYMENT_REJECTED"] = "The issuer rejected the payment.",
        ["AUTHENTICATE_FAILED"] = "Authentication failed.",
    };

    public static string MessageOf(string code) => Messages.GetValueOrDefault(code, "Payment failed.");
}
