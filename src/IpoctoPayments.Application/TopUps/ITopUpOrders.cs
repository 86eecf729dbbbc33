using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.TopUps;

namespace IpoctoPayments.Application.TopUps;

/// <summary>The top-up orders; changes are saved by the unit of work.</summary>
public interface ITopUpOrders
{
    void Add(TopUpOrder order);

    Task<TopUpOrder?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<TopUpOrder?> FindByNumberAsync(OrderNumber number, CancellationToken cancellationToken);

    /// <summary>An account's orders, newest first, after the cursor's order when one is given.</summary>
    Task<IReadOnlyList<TopUpOrder>> ListAsync(AccountId account, Guid? after, int limit, CancellationToken cancellationToken);
}
