using System.Text.Json.Nodes;

namespace IpoctoPayments.Simulator.Stripe.Model;

/// <summary>A refund (<c>re_…</c>): pending, then succeeded or failed on the clock.</summary>
internal sealed class Refund
{
    public required string Id { get; init; }

    public required long Created { get; init; }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public required string ChargeId { get; init; }

    public required string PaymentIntentId { get; init; }

    public string? Reason { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    public string Status { get; set; } = "pending";

    public string? FailureReason { get; set; }

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "refund",
        ["amount"] = Amount,
        ["balance_transaction"] = null,
        ["charge"] = ChargeId,
        ["created"] = Created,
        ["currency"] = Currency,
        ["failure_reason"] = FailureReason,
        ["metadata"] = StripeJson.Map(Metadata),
        ["payment_intent"] = PaymentIntentId,
        ["reason"] = Reason,
        ["status"] = Status,
    };
}
