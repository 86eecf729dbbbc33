using System.Text.Json.Serialization;

namespace IpoctoPayments.Simulator.Core;

/// <summary>How outgoing webhooks for a target (or all targets) misbehave.</summary>
public sealed record WebhookFault
{
    /// <summary>Only events of this type are affected; null affects all.</summary>
    public string? EventType { get; init; }

    /// <summary>The first attempt waits this long on the simulator's clock.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Extra copies of each delivery, with the same event id and body.</summary>
    public int Duplicates { get; init; }

    /// <summary>The delivery is recorded but never sent: a missed webhook.</summary>
    public bool Drop { get; init; }

    /// <summary>The delivery is held back and sent after the target's next one.</summary>
    public bool OutOfOrder { get; init; }

    /// <summary>How many deliveries this fault still applies to; null means until it is cleared.</summary>
    public int? Times { get; init; }

    public bool AppliesTo(string eventType) => EventType is null || string.Equals(EventType, eventType, StringComparison.Ordinal);
}

[JsonConverter(typeof(JsonStringEnumConverter<OutageMode>))]
public enum OutageMode
{
    /// <summary>The call is refused with the provider's 5xx error before anything happens.</summary>
    ServerError,

    /// <summary>The call is carried out, then the answer never comes: the client times out.</summary>
    Timeout,
}

/// <summary>A provider API that fails or slows down.</summary>
public sealed record ApiFault
{
    /// <summary>How many of the next API calls fail.</summary>
    public int FailNextCalls { get; init; }

    public OutageMode Mode { get; init; } = OutageMode.ServerError;

    /// <summary>Added to every API call while set.</summary>
    public TimeSpan? Latency { get; init; }
}

/// <summary>Every switch for one scope: the whole simulator, or one session / order.</summary>
public sealed record FaultSettings
{
    public WebhookFault? Webhooks { get; init; }

    /// <summary>
    /// The guide's "deducted, but the order shows failed": a payment is first reported failed (or expired)
    /// and captured this long afterwards.
    /// </summary>
    public TimeSpan? BankSyncDelay { get; init; }

    /// <summary>Stripe API outage and latency (global scope only).</summary>
    public ApiFault? Stripe { get; init; }

    /// <summary>PayerMax API outage and latency (global scope only).</summary>
    public ApiFault? PayerMax { get; init; }
}

/// <summary>The switches in force: one global set and one per target (a Stripe session or PaymentIntent id, a PayerMax outTradeNo).</summary>
public sealed class FaultPlan
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, FaultSettings> targets = new(StringComparer.OrdinalIgnoreCase);
    private FaultSettings global = new();

    public FaultSettings Global
    {
        get { lock (gate) { return global; } }
    }

    public IReadOnlyDictionary<string, FaultSettings> Targets
    {
        get { lock (gate) { return new Dictionary<string, FaultSettings>(targets, StringComparer.OrdinalIgnoreCase); } }
    }

    public void SetGlobal(FaultSettings settings)
    {
        lock (gate)
        {
            global = settings;
        }
    }

    public void SetTarget(string target, FaultSettings settings)
    {
        lock (gate)
        {
            targets[target] = settings;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            targets.Clear();
            global = new FaultSettings();
        }
    }

    /// <summary>The bank-sync delay for a payment: the target's own, else the global one.</summary>
    public TimeSpan? BankSyncDelayFor(params IEnumerable<string?> targetKeys)
    {
        lock (gate)
        {
            foreach (var key in targetKeys)
            {
                if (key is not null && targets.TryGetValue(key, out var settings) && settings.BankSyncDelay is { } delay)
                {
                    return delay;
                }
            }

            return global.BankSyncDelay;
        }
    }

    /// <summary>Takes the webhook fault for one delivery, counting it against <see cref="WebhookFault.Times"/>.</summary>
    public WebhookFault? TakeWebhookFault(string eventType, IEnumerable<string> targetKeys)
    {
        lock (gate)
        {
            foreach (var key in targetKeys)
            {
                if (targets.TryGetValue(key, out var settings) && settings.Webhooks is { } fault && fault.AppliesTo(eventType))
                {
                    targets[key] = settings with { Webhooks = Consume(fault) };
                    return fault;
                }
            }

            if (global.Webhooks is { } globalFault && globalFault.AppliesTo(eventType))
            {
                global = global with { Webhooks = Consume(globalFault) };
                return globalFault;
            }

            return null;
        }
    }

    /// <summary>Decides what the next call to a provider API meets: nothing, latency, or an outage (counted down).</summary>
    public (TimeSpan? Latency, OutageMode? Outage) TakeApiFault(string provider)
    {
        lock (gate)
        {
            var fault = ApiFaultOf(global, provider);
            if (fault is null)
            {
                return (null, null);
            }

            if (fault.FailNextCalls <= 0)
            {
                return (fault.Latency, null);
            }

            var remaining = fault with { FailNextCalls = fault.FailNextCalls - 1 };
            global = string.Equals(provider, ProviderNames.Stripe, StringComparison.Ordinal)
                ? global with { Stripe = remaining }
                : global with { PayerMax = remaining };
            return (fault.Latency, fault.Mode);
        }
    }

    private static ApiFault? ApiFaultOf(FaultSettings settings, string provider) =>
        string.Equals(provider, ProviderNames.Stripe, StringComparison.Ordinal) ? settings.Stripe : settings.PayerMax;

    private static WebhookFault? Consume(WebhookFault fault) => fault.Times switch
    {
        null => fault,
        <= 1 => null,
        { } n => fault with { Times = n - 1 },
    };
}
