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
