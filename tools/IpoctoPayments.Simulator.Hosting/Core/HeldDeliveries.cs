namespace IpoctoPayments.Simulator.Core;

/// <summary>
/// The out-of-order fault: a delivery held back until a later webhook about the same object overtakes it, or
/// until <see cref="WebhookOutbox.OutOfOrderHold"/> has passed.
/// </summary>
internal sealed class HeldDeliveries(SimulatorScheduler scheduler)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, WebhookDelivery> held = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Holds <paramref name="delivery"/>; <paramref name="send"/> runs if nothing has released it when the hold runs out.</summary>
    public void Hold(WebhookDelivery delivery, Action<WebhookDelivery> send)
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
        scheduler.ScheduleAfter(WebhookOutbox.OutOfOrderHold, $"release held {delivery.Id}", _ =>
        {
            if (Release(delivery))
            {
                send(delivery);
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>Releases what is held for any of <paramref name="targetKeys"/>, for the caller to send after its own delivery.</summary>
    public List<WebhookDelivery> ReleaseFor(IEnumerable<string> targetKeys)
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

        released.RemoveAll(d => !Release(d));
        return released;
    }

    public void Clear()
    {
        lock (gate)
        {
            held.Clear();
        }
    }

    private bool Release(WebhookDelivery delivery)
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
}
