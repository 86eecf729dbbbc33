using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Application.Common.Outbox;

namespace IpoctoPayments.Application.Disputes;

/// <summary>
/// Operators' answers to disputes waiting to be sent to the provider: added in the transaction that records the answer on
/// the order, sent by <see cref="DisputeActionDispatcher"/> after the commit.
/// </summary>
public interface IDisputeActionOutbox : IOutbox<DisputeActionToSend>
{
    /// <summary>Kept in the caller's unit of work: the answer is sent only if recording it commits.</summary>
    void Add(DisputeActionToSend action, DateTimeOffset at);
}

/// <summary>What an operator answered to a dispute.</summary>
public enum DisputeAction
{
    /// <summary>Evidence, submitted to the bank.</summary>
    Evidence,

    /// <summary>The dispute accepted: the provider closes it as lost.</summary>
    Accept,
}

/// <summary>One answer to send; <see cref="Attempts"/> is how many sends failed before this one.</summary>
public sealed record DisputeActionToSend(Guid Id, Guid OrderId, Guid DisputeId, DisputeAction Action, int Attempts = 0) : IOutboxMessage
{
    /// <summary>The answer of that kind to that dispute, named the same each time: a dispute takes one of each.</summary>
    public static DisputeActionToSend For(Guid orderId, Guid disputeId, DisputeAction action) =>
        new(RequestHash.Id("dispute-action", disputeId.ToString("N"), NameOf(action)), orderId, disputeId, action);

    public static string NameOf(DisputeAction action) => action == DisputeAction.Evidence ? "evidence" : "accept";

    /// <summary>The provider's idempotency key: a send repeated after a crash or an expired lease is the same call.</summary>
    public string IdempotencyKey => $"dispute-{NameOf(Action)}-{DisputeId:N}";
}
