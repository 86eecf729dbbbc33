namespace IpoctoPayments.Domain.TopUps;

/// <summary>What a provider event did to an order.</summary>
public enum TransitionOutcome
{
    /// <summary>The event moved the order or recorded something new.</summary>
    Applied = 1,
    /// <summary>The order is already where the event would take it; nothing changed but a timeline note.</summary>
    DuplicateIgnored = 2,
    /// <summary>The event is older than the order's state and would move it backwards; noted and ignored.</summary>
    StaleIgnored = 3,
}
