using System.Diagnostics;
using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.Core;

/// <summary>A webhook a provider wants delivered: what, where, how it is signed and what counts as received.</summary>
public sealed record OutgoingWebhook
{
    public required string Provider { get; init; }

    public required string EventId { get; init; }

    public required string EventType { get; init; }

    public required string Url { get; init; }

    public required string Payload { get; init; }

    /// <summary>Headers for one attempt, signed at the moment it is sent (Stripe's signature carries a timestamp).</summary>
    public required Func<string, DateTimeOffset, IEnumerable<KeyValuePair<string, string>>> Sign { get; init; }

    /// <summary>Whether the receiver's answer (status, body) acknowledges the delivery.</summary>
    public required Func<int, string, bool> IsAcknowledged { get; init; }

    /// <summary>Waits between failed attempts; the delivery gives up after the last.</summary>
    public required IReadOnlyList<TimeSpan> RetrySchedule { get; init; }

    /// <summary>The session, intent or order ids the delivery is about; faults are looked up by them.</summary>
    public IReadOnlyList<string> TargetKeys { get; init; } = [];

    /// <summary>Set on a copy sent to a <see cref="WebhookListener"/>: the listener's id.</summary>
    public string? ListenerId { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<DeliveryStatus>))]
public enum DeliveryStatus
{
    Scheduled,
    Held,
    Retrying,
    Delivered,
    GaveUp,
    Dropped,
}

public sealed record WebhookAttempt(int Number, DateTimeOffset At, int? StatusCode, string? ResponseBody, string? Error, double DurationMs);

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

/// <summary>
/// Sends provider webhooks on the simulator's clock: signs each attempt, retries on the provider's schedule
/// until acknowledged, logs every attempt, and applies the webhook faults in force (delay, duplicate, drop,
/// out of order).
/// </summary>
public sealed class WebhookOutbox(
    SimulatorScheduler scheduler,
    FaultPlan faults,
    SimulatorIds ids,
    IHttpClientFactory httpClients,
    IOptions<SimulatorOptions> options,
    ILogger<WebhookOutbox> logger)
{
    /// <summary>The named HttpClient deliveries go through; a test host can point its handler at an in-memory server.</summary>
    public const string HttpClientName = "IpoctoPayments.Simulator.Webhooks";

    /// <summary>How long an out-of-order delivery waits for a later one to overtake it.</summary>
    public static readonly TimeSpan OutOfOrderHold = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly List<WebhookDelivery> deliveries = [];
    private readonly Dictionary<string, WebhookDelivery> held = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get { lock (gate) { return [.. deliveries]; } }
    }

    public WebhookDelivery? Find(string id)
    {
        lock (gate)
        {
            return deliveries.Find(d => d.Id == id);
        }
    }

    public IReadOnlyList<WebhookDelivery> Enqueue(OutgoingWebhook webhook)
    {
        var fault = faults.TakeWebhookFault(webhook.EventType, webhook.TargetKeys);
        var now = scheduler.Now;
        var first = Track(webhook, now, duplicateOf: null);
        var all = new List<WebhookDelivery> { first };
        for (var i = 0; i < (fault?.Duplicates ?? 0); i++)
        {
            all.Add(Track(webhook, now, duplicateOf: first.Id));
        }

        if (fault is { Drop: true })
        {
            foreach (var delivery in all)
            {
                delivery.Status = DeliveryStatus.Dropped;
            }

            logger.LogInformation("Dropped {Provider} webhook {EventType} {EventId} (fault)", webhook.Provider, webhook.EventType, webhook.EventId);
            return all;
        }

        var releasedEarlier = ReleaseHeldFor(webhook.TargetKeys);
        var delay = fault?.Delay ?? TimeSpan.Zero;
        if (fault is { OutOfOrder: true })
        {
            foreach (var delivery in all)
            {
                Hold(delivery);
            }
        }
        else
        {
            foreach (var delivery in all)
            {
                ScheduleAttempt(delivery, now + delay);
            }
        }

        // What was held back goes right after this one: the receiver sees them out of order.
        foreach (var earlier in releasedEarlier)
        {
            ScheduleAttempt(earlier, now + delay + TimeSpan.FromSeconds(1));
        }

        return all;
    }

    /// <summary>Sends a delivery again now, as a provider dashboard's "resend" does.</summary>
    public bool Redeliver(string id)
    {
        var delivery = Find(id);
        if (delivery is null || delivery.Status is DeliveryStatus.Scheduled or DeliveryStatus.Retrying)
        {
            return delivery is not null;
        }

        ScheduleAttempt(delivery, scheduler.Now);
        return true;
    }

    public void Clear()
    {
        lock (gate)
        {
            deliveries.Clear();
            held.Clear();
        }
    }

    private WebhookDelivery Track(OutgoingWebhook webhook, DateTimeOffset now, string? duplicateOf)
    {
        var delivery = new WebhookDelivery(ids.Next("whd_"), webhook, now, duplicateOf);
        lock (gate)
        {
            deliveries.Add(delivery);
        }

        return delivery;
    }

    private void Hold(WebhookDelivery delivery)
    {
        delivery.Status = DeliveryStatus.Held;
        lock (gate)
        {
            foreach (var key in delivery.TargetKeys)
            {
                held.TryAdd(key, delivery);
            }
        }

        // Nothing overtook it in time: send it anyway.
        scheduler.ScheduleAfter(OutOfOrderHold, $"release held {delivery.Id}", _ =>
        {
            if (ReleaseHeld(delivery))
            {
                ScheduleAttempt(delivery, scheduler.Now);
            }

            return Task.CompletedTask;
        });
    }

    private List<WebhookDelivery> ReleaseHeldFor(IEnumerable<string> targetKeys)
    {
        var released = new List<WebhookDelivery>();
        lock (gate)
        {
            foreach (var key in targetKeys)
            {
                if (held.TryGetValue(key, out var delivery) && !released.Contains(delivery))
                {
                    released.Add(delivery);
                }
            }
        }

        released.RemoveAll(d => !ReleaseHeld(d));
        return released;
    }

    private bool ReleaseHeld(WebhookDelivery delivery)
    {
        lock (gate)
        {
            if (delivery.Status != DeliveryStatus.Held)
            {
                return false;
            }

            foreach (var key in delivery.TargetKeys)
            {
                if (held.TryGetValue(key, out var h) && h == delivery)
                {
                    held.Remove(key);
                }
            }

            delivery.Status = DeliveryStatus.Scheduled;
            return true;
        }
    }

    private void ScheduleAttempt(WebhookDelivery delivery, DateTimeOffset at)
    {
        delivery.NextAttemptAt = at;
        if (delivery.Status is not DeliveryStatus.Retrying)
        {
            delivery.Status = DeliveryStatus.Scheduled;
        }

        scheduler.Schedule(at, $"deliver {delivery.Id}", ct => AttemptAsync(delivery, ct));
    }

    private async Task AttemptAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var webhook = delivery.Webhook;
        var number = delivery.AttemptCount + 1;
        var at = scheduler.Now;
        var watch = Stopwatch.StartNew();
        int? status = null;
        string? body = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
            {
                Content = new StringContent(webhook.Payload, Encoding.UTF8, "application/json"),
            };
            foreach (var (name, value) in webhook.Sign(webhook.Payload, at))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.WebhookTimeout);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (body.Length > 2000)
            {
                body = body[..2000];
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = "timeout";
        }
        catch (HttpRequestException exception)
        {
            error = exception.Message;
        }

        delivery.Record(new WebhookAttempt(number, at, status, body, error, watch.Elapsed.TotalMilliseconds));
        if (status is { } code && webhook.IsAcknowledged(code, body ?? ""))
        {
            delivery.Status = DeliveryStatus.Delivered;
            delivery.NextAttemptAt = null;
            logger.LogInformation("Delivered {Provider} {EventType} {EventId} to {Url} (attempt {Attempt})", webhook.Provider, webhook.EventType, webhook.EventId, webhook.Url, number);
            return;
        }

        if (number > webhook.RetrySchedule.Count)
        {
            delivery.Status = DeliveryStatus.GaveUp;
            delivery.NextAttemptAt = null;
            logger.LogWarning("Gave up on {Provider} {EventType} {EventId} after {Attempts} attempts", webhook.Provider, webhook.EventType, webhook.EventId, number);
            return;
        }

        delivery.Status = DeliveryStatus.Retrying;
        logger.LogInformation("{Provider} {EventType} {EventId} not acknowledged ({Status}{Error}); retrying", webhook.Provider, webhook.EventType, webhook.EventId, status, error);
        ScheduleAttempt(delivery, scheduler.Now + webhook.RetrySchedule[number - 1]);
    }
}
