using System.Text.Json.Nodes;

namespace IpoctoPayments.Simulator.Stripe.Model;

/// <summary>The charge (<c>ch_…</c>) of a succeeded PaymentIntent; refunds count against it.</summary>
internal sealed class Charge
{
    public required string Id { get; init; }

    public required long Created { get; init; }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public required string PaymentIntentId { get; init; }

    public required PaymentMethodDetails PaymentMethod { get; init; }

    /// <summary>Refunded or being refunded: a failed refund gives its amount back.</summary>
    public long AmountRefunded { get; set; }

    public long Refundable => Amount - AmountRefunded;

    public bool Disputed { get; set; }

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "charge",
        ["amount"] = Amount,
        ["amount_captured"] = Amount,
        ["amount_refunded"] = AmountRefunded,
        ["captured"] = true,
        ["created"] = Created,
        ["currency"] = Currency,
        ["disputed"] = Disputed,
        ["livemode"] = false,
        ["metadata"] = new JsonObject(),
        ["paid"] = true,
        ["payment_intent"] = PaymentIntentId,
        ["payment_method"] = PaymentMethod.Id,
        ["payment_method_details"] = PaymentMethod.ToJson(),
        ["refunded"] = AmountRefunded == Amount,
        ["status"] = "succeeded",
    };
}
