using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.Core;

/// <summary>
/// Every webhook delivery the providers make, and the webhook faults in force applied to each (delay, duplicate,
/// drop, out of order); <see cref="WebhookSender"/> makes the attempts.
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
    private readonly WebhookSender sender = new(scheduler, httpClients, options, logger);
    private readonly HeldDeliveries held = new(scheduler);

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

        var releasedEarlier = held.ReleaseFor(webhook.TargetKeys);
        var delay = fault?.Delay ?? TimeSpan.Zero;
        foreach (var delivery in all)
        {
            if (fault is { OutOfOrder: true })
            {
                held.Hold(delivery, d => sender.Schedule(d, scheduler.Now));
            }
            else
            {
                sender.Schedule(delivery, now + delay);
            }
        }

        // What was held back goes right after this one: the receiver sees them out of order.
        foreach (var earlier in releasedEarlier)
        {
            sender.Schedule(earlier, now + delay + TimeSpan.FromSeconds(1));
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

        sender.Schedule(delivery, scheduler.Now);
        return true;
    }

    public void Clear()
    {
        lock (gate)
        {
            deliveries.Clear();
        }

        held.Clear();
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
}
