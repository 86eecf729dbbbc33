using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Stripe.Api;
using IpoctoPayments.Simulator.Stripe.Model;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.Stripe.Engine;

/// <summary>Records an event (for <c>GET /v1/events</c>) and sends it, signed, to every webhook endpoint that wants its type.</summary>
internal sealed class StripeEventPublisher(StripeStore store, WebhookOutbox outbox, WebhookListeners listeners, SimulatorIds ids, TimeProvider clock, IOptions<SimulatorOptions> options)
{
    /// <summary>Stripe's own backoff between failed deliveries (it keeps trying for about three days).</summary>
    public static readonly IReadOnlyList<TimeSpan> RetrySchedule =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10), TimeSpan.FromHours(24),
    ];

    /// <summary>Publishes one event; the caller holds the store's gate so events keep the order things happened in.</summary>
    public StripeEvent Publish(string type, JsonObject resource, EventRequest? request, params IEnumerable<string?> targets)
    {
        var endpoints = options.Value.Stripe.WebhookEndpoints.Where(e => e.Accepts(type) && !string.IsNullOrWhiteSpace(e.Url)).ToList();
        var stripeEvent = new StripeEvent(ids.Next("evt_"), type, clock.GetUtcNow().ToUnixTimeSeconds(), resource, request?.Id, request?.IdempotencyKey, endpoints.Count);
        store.Events.Add(stripeEvent.Id, stripeEvent);
        var payload = StripeApi.Serialize(stripeEvent.ToJson());
        var targetKeys = targets.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var destinations = endpoints.Select(e => (e.Url, Secret: e.Secret ?? "", ListenerId: (string?)null))
            .Concat(listeners.For(ProviderNames.Stripe, type).Select(l => (Url: l.ForwardTo, Secret: l.Secret ?? "", ListenerId: (string?)l.Id)));
        foreach (var (url, secret, listenerId) in destinations)
        {
            outbox.Enqueue(new OutgoingWebhook
            {
                Provider = ProviderNames.Stripe,
                EventId = stripeEvent.Id,
                EventType = type,
                Url = url,
                Payload = payload,
                Sign = (body, at) => [new("Stripe-Signature", SignatureHeader(secret, body, at))],
                IsAcknowledged = (status, _) => status is >= 200 and < 300,
                RetrySchedule = RetrySchedule,
                TargetKeys = targetKeys,
                ListenerId = listenerId,
            });
        }

        return stripeEvent;
    }

    /// <summary><c>t={unix},v1={hex HMAC-SHA256 of "{t}.{payload}" keyed with the whole whsec_ secret}</c>.</summary>
    public static string SignatureHeader(string secret, string payload, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
