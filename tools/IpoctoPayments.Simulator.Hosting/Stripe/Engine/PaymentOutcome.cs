using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Stripe.Api;

namespace IpoctoPayments.Simulator.Stripe.Engine;

internal enum PaymentOutcomeKind
{
    /// <summary>Paid: the session is complete and paid.</summary>
    Paid,

    /// <summary>The attempt was declined; the session stays open for another try.</summary>
    Declined,

    /// <summary>3-D Secure: the customer must confirm before the card is charged.</summary>
    RequiresAction,

    /// <summary>Submitted but not settled: the session is complete and unpaid, the PaymentIntent processing.</summary>
    Pending,

    /// <summary>Bank sync delay: the payment was reported failed or expired and will be captured later.</summary>
    ReportedFailed,

    /// <summary>A pending payment failed for good.</summary>
    Failed,
}

/// <summary>What a payment action led to, with snapshots of the session and PaymentIntent taken at that moment.</summary>
internal sealed record PaymentOutcome(PaymentOutcomeKind Kind, JsonObject Session, JsonObject? PaymentIntent, StripeError? Error = null)
{
    public JsonObject ToJson() => new()
    {
        ["outcome"] = Kind switch
        {
            PaymentOutcomeKind.Paid => "paid",
            PaymentOutcomeKind.Declined => "declined",
            PaymentOutcomeKind.RequiresAction => "requires_action",
            PaymentOutcomeKind.Pending => "pending",
            PaymentOutcomeKind.ReportedFailed => "reported_failed",
            _ => "failed",
        },
        ["session"] = Session.DeepClone(),
        ["payment_intent"] = PaymentIntent?.DeepClone(),
        ["error"] = Error?.ToJson()["error"]?.DeepClone(),
    };
}

/// <summary>How the customer pays: a card (possibly in an Apple Pay / Google Pay wallet) or WeChat Pay.</summary>
internal abstract record PaymentAttempt;

internal sealed record CardAttempt(string Number, int ExpMonth, int ExpYear, string? Wallet = null) : PaymentAttempt;

internal sealed record WeChatPayAttempt : PaymentAttempt;
