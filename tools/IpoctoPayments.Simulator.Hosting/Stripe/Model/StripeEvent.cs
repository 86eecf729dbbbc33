using System.Text.Json.Nodes;

namespace IpoctoPayments.Simulator.Stripe.Model;

/// <summary>An event (<c>evt_…</c>) with a snapshot of the object as it was when the event happened.</summary>
internal sealed record StripeEvent(string Id, string Type, long Created, JsonObject Object, string? RequestId, string? IdempotencyKey, int PendingWebhooks)
{
    /// <summary>The version Stripe.net 53.1.0 accepts; <c>EventUtility.ConstructEvent</c> rejects events without it.</summary>
    public const string ApiVersion = "2026-10-28.endive";

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "event",
        ["api_version"] = ApiVersion,
        ["created"] = Created,
        ["data"] = new JsonObject { ["object"] = Object.DeepClone() },
        ["livemode"] = false,
        ["pending_webhooks"] = PendingWebhooks,
        ["request"] = new JsonObject { ["id"] = RequestId, ["idempotency_key"] = IdempotencyKey },
        ["type"] = Type,
    };
}
