namespace IpoctoPayments.Domain.TopUps;

/// <summary>The answer of a transition: what happened and the states before and after, so the caller knows what to post.</summary>
public readonly record struct Transition(TransitionOutcome Outcome, TopUpStatus From, TopUpStatus To)
{
    public bool IsApplied => Outcome == TransitionOutcome.Applied;
}
