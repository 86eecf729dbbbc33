namespace IpoctoPayments.Application.TopUps.ApplyProviderEvent;

/// <summary>What an accepted webhook did; every outcome but <see cref="Deferred"/> is acknowledged to the provider so it stops redelivering.</summary>
public enum EventOutcome
{
    Applied,

    /// <summary>The event was received before: nothing changed.</summary>
    Duplicate,

    /// <summary>The event arrived after the order moved past it: recorded on the timeline, nothing changed.</summary>
    Ignored,

    /// <summary>The event names no order of this service (another integration's, or a test event).</summary>
    UnknownOrder,

    /// <summary>
    /// A dispute of a payment not yet known here as paid: nothing is kept, and the provider is asked to deliver it again,
    /// by when the payment's own event (or reconciliation) will have arrived.
    /// </summary>
    Deferred,
}
