namespace IpoctoPayments.Application.TopUps;

/// <summary>What to do with money captured after its order closed (the guide's "deducted, but the order shows failed").</summary>
public enum LateCapturePolicy
{
    /// <summary>Send it back to the customer automatically: "refunded within 1–7 business days".</summary>
    Refund,

    /// <summary>Keep it and credit the balance.</summary>
    Credit,
}

/// <summary>The <c>TopUps</c> section.</summary>
public sealed class TopUpOptions
{
    public const string Section = "TopUps";

    /// <summary>How long the provider's payment page stays open (Stripe needs 30 min – 24 h; PayerMax clamps to the same).</summary>
    public TimeSpan PaymentWindow { get; set; } = TimeSpan.FromHours(1);

    public LateCapturePolicy LateCapturePolicy { get; set; } = LateCapturePolicy.Refund;
}
