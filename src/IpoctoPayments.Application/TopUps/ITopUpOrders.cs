using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.TopUps;

namespace IpoctoPayments.Application.TopUps;

/// <summary>The top-up orders; what is added or updated here is saved when the unit of work commits.</summary>
public interface ITopUpOrders
{
    void Add(TopUpOrder order);

    /// <summary>Keeps the changes made to an order loaded in this unit of work, to be saved with it.</summary>
    void Update(TopUpOrder order);

    Task<TopUpOrder?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// The order a provider event names, and whether that event is already in the webhook inbox, in one read: every
    /// webhook asks both, and a round trip saved here is one fewer on the busiest path.
    /// </summary>
    Task<(TopUpOrder? Order, bool EventReceived)> FindForEventAsync(Guid id, PaymentProvider provider, string eventId, CancellationToken cancellationToken);

    /// <summary>The order a provider's payment names (Stripe's payment intent), as its disputes name it.</summary>
    Task<TopUpOrder?> FindByPaymentAsync(PaymentProvider provider, string paymentIntentId, CancellationToken cancellationToken);

    /// <summary>The order a dispute (ipocto's id for it) belongs to.</summary>
    Task<TopUpOrder?> FindByDisputeAsync(Guid disputeId, CancellationToken cancellationToken);

    /// <summary>Orders with a dispute still open, the oldest dispute first.</summary>
    Task<IReadOnlyList<TopUpOrder>> ListWithOpenDisputesAsync(int limit, CancellationToken cancellationToken);

    Task<TopUpOrder?> FindByNumberAsync(OrderNumber number, CancellationToken cancellationToken);

    /// <summary>An account's orders, newest first, after the cursor's order when one is given.</summary>
    Task<IReadOnlyList<TopUpOrder>> ListAsync(AccountId account, Guid? after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Orders worth asking the provider about, oldest first: still awaiting payment though created before
    /// <paramref name="awaitingCreatedBefore"/>; failed, expired or cancelled since <paramref name="closedSince"/>
    /// (a late capture may still come); or with a refund not yet settled or a dispute still open.
    /// </summary>
    Task<IReadOnlyList<Guid>> ListToReconcileAsync(DateTimeOffset awaitingCreatedBefore, DateTimeOffset closedSince, int limit, CancellationToken cancellationToken);
}
