using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Stripe.Api;

namespace IpoctoPayments.Simulator.Stripe.Model;

/// <summary>A PaymentIntent (<c>pi_…</c>), made when the customer first tries to pay a session.</summary>
internal sealed class PaymentIntent
{
    public required string Id { get; init; }

    public required long Created { get; init; }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    /// <summary>The session it pays; also written on the object as <c>checkout_session</c> so a receiver finds its order.</summary>
    public required string SessionId { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    public string Status { get; set; } = "requires_payment_method";

    public StripeError? LastPaymentError { get; set; }

    public PaymentMethodDetails? PaymentMethod { get; set; }

    public Charge? LatestCharge { get; set; }

    public long AmountReceived => LatestCharge?.Amount ?? 0;

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "payment_intent",
        ["amount"] = Amount,
        ["amount_capturable"] = 0,
        ["amount_received"] = AmountReceived,
        ["capture_method"] = "automatic",
        ["checkout_session"] = SessionId,
        ["created"] = Created,
        ["currency"] = Currency,
        ["last_payment_error"] = LastPaymentError is null ? null : PaymentErrorJson(LastPaymentError),
        ["latest_charge"] = LatestCharge?.Id,
        ["livemode"] = false,
        ["metadata"] = StripeJson.Map(Metadata),
        ["payment_method"] = PaymentMethod?.Id,
        ["payment_method_types"] = StripeJson.Array([PaymentMethod?.Type ?? "card"]),
        ["status"] = Status,
    };

    private JsonObject PaymentErrorJson(StripeError error)
    {
        var envelope = error.ToJson();
        var json = envelope["error"]!.AsObject();
        envelope.Remove("error");
        json.Remove("payment_intent");
        if (PaymentMethod is not null)
        {
            var method = PaymentMethod.ToJson();
            method["id"] = PaymentMethod.Id;
            method["object"] = "payment_method";
            json["payment_method"] = method;
        }

        return json;
    }
}
