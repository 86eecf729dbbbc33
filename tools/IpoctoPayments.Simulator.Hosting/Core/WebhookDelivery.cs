using System.Text.Json.Serialization;

namespace IpoctoPayments.Simulator.Core;

/// <summary>One delivery of one webhook, with every attempt and the receiver's answers.</summary>
public sealed class WebhookDelivery
{
    private readonly List<WebhookAttempt> attempts = [];

    internal WebhookDelivery(string id, OutgoingWebhook webhook, DateTimeOffset createdAt, string? duplicateOf)
    {
        Id = id;
        Webhook = webhook;
        CreatedAt = createdAt;
        DuplicateOf = duplicateOf;
    }

    public string Id { get; }

    [JsonIgnore]
    public OutgoingWebhook Webhook { get; }

    public string Provider => Webhook.Provider;

    public string EventId => Webhook.EventId;

    public string EventType => Webhook.EventType;

    public string Url => Webhook.Url;

    public IReadOnlyList<string> TargetKeys => Webhook.TargetKeys;

    public string? ListenerId => Webhook.ListenerId;

    public string Payload => Webhook.Payload;

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Set on the copies a "duplicate" fault makes: the id of the delivery copied.</summary>
    public string? DuplicateOf { get; }

    public DeliveryStatus Status { get; internal set; } = DeliveryStatus.Scheduled;

    public DateTimeOffset? NextAttemptAt { get; internal set; }

    public IReadOnlyList<WebhookAttempt> Attempts
    {
        get { lock (attempts) { return [.. attempts]; } }
    }

    internal int AttemptCount
    {
        get { lock (attempts) { return attempts.Count; } }
    }

    internal void Record(WebhookAttempt attempt)
    {
        lock (attempts)
        {
            attempts.Add(attempt);
        }
    }
}
