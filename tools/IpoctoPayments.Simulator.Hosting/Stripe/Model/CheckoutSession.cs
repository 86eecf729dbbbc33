using System.Text.Json.Nodes;

namespace IpoctoPayments.Simulator.Stripe.Model;

internal sealed record LineItem(string Name, long UnitAmount, long Quantity)
{
    public long Amount => UnitAmount * Quantity;
}

/// <summary>A Checkout Session (<c>cs_test_…</c>) and the hosted page's state for it.</summary>
internal sealed class CheckoutSession
{
    public required string Id { get; init; }

    public required long Created { get; init; }

    public required string Currency { get; init; }

    public required IReadOnlyList<LineItem> LineItems { get; init; }

    public required string SuccessUrl { get; init; }

    public string? CancelUrl { get; init; }

    public string? ClientReferenceId { get; init; }

    public string? CustomerEmail { get; init; }

    public required IReadOnlyDictionary<string, string> Metadata { get; init; }

    /// <summary><c>payment_intent_data[metadata]</c>: copied onto the PaymentIntent when the customer pays.</summary>
    public required IReadOnlyDictionary<string, string> PaymentIntentMetadata { get; init; }

    public required IReadOnlyList<string> PaymentMethodTypes { get; init; }

    public required long ExpiresAt { get; init; }

    /// <summary>Where the hosted page lives while the session is open.</summary>
    public required string PageUrl { get; init; }

    public string Status { get; set; } = "open";

    public string PaymentStatus { get; set; } = "unpaid";

    public string? PaymentIntentId { get; set; }

    /// <summary>A 3-D Secure card waiting for the customer to confirm on the page.</summary>
    public CardDetails? AwaitingAuthentication { get; set; }

    public long AmountTotal => LineItems.Sum(i => i.Amount);

    public bool IsOpen => Status == "open";

    /// <summary>Where the customer goes back to once the session completes: <c>success_url</c> with <c>{CHECKOUT_SESSION_ID}</c> filled in.</summary>
    public string ReturnUrl => SuccessUrl.Replace("{CHECKOUT_SESSION_ID}", Id, StringComparison.Ordinal);

    public bool Allows(string paymentMethodType) => PaymentMethodTypes.Contains(paymentMethodType, StringComparer.Ordinal);

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "checkout.session",
        ["amount_subtotal"] = AmountTotal,
        ["amount_total"] = AmountTotal,
        ["cancel_url"] = CancelUrl,
        ["client_reference_id"] = ClientReferenceId,
        ["created"] = Created,
        ["currency"] = Currency,
        ["customer_email"] = CustomerEmail,
        ["expires_at"] = ExpiresAt,
        ["livemode"] = false,
        ["metadata"] = StripeJson.Map(Metadata),
        ["mode"] = "payment",
        ["payment_intent"] = PaymentIntentId,
        ["payment_method_types"] = StripeJson.Array(PaymentMethodTypes),
        ["payment_status"] = PaymentStatus,
        ["status"] = Status,
        ["success_url"] = SuccessUrl,
        ["ui_mode"] = "hosted",
        ["url"] = IsOpen ? PageUrl : null,
    };
}
