using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.TopUps;

namespace IpoctoPayments.Application.Tests.Fakes;

public sealed class FakeTopUpOrders(FakeDatabase database, FakeSession session) : ITopUpOrders
{
    public void Add(TopUpOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        session.Orders[order.Id] = order;
        session.Saved.Add(order.Id);
    }

    /// <summary>Only what a use case adds or updates is committed: a change it forgets to keep is lost, as it would be.</summary>
    public void Update(TopUpOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!session.Orders.TryGetValue(order.Id, out var loaded) || !ReferenceEquals(loaded, order))
        {
            throw new InvalidOperationException($"Order {order.Number} was not loaded in this unit of work.");
        }

        session.Saved.Add(order.Id);
    }

    public Task<TopUpOrder?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (session.Orders.TryGetValue(id, out var tracked))
        {
            return Task.FromResult<TopUpOrder?>(tracked);
        }

        if (database.Order(id) is not { } snapshot)
        {
            return Task.FromResult<TopUpOrder?>(null);
        }

        var order = TopUpOrder.Restore(snapshot);
        session.Orders[id] = order;
        return Task.FromResult<TopUpOrder?>(order);
    }

    public async Task<(TopUpOrder? Order, bool EventReceived)> FindForEventAsync(Guid id, PaymentProvider provider, string eventId, CancellationToken cancellationToken) =>
        (await FindAsync(id, cancellationToken), database.Inbox.Concat(session.Inbox).Any(e => e.Provider == provider && e.EventId == eventId));

    public Task<TopUpOrder?> FindByPaymentAsync(PaymentProvider provider, string paymentIntentId, CancellationToken cancellationToken)
    {
        var id = database.Orders.FirstOrDefault(o => o.Provider == provider.ToString() && o.PaymentIntentId == paymentIntentId)?.Id;
        return id is { } found ? FindAsync(found, cancellationToken) : Task.FromResult<TopUpOrder?>(null);
    }

    public Task<TopUpOrder?> FindByDisputeAsync(Guid disputeId, CancellationToken cancellationToken)
    {
        var id = database.Orders.FirstOrDefault(o => o.Disputes.Any(d => d.Id == disputeId))?.Id;
        return id is { } found ? FindAsync(found, cancellationToken) : Task.FromResult<TopUpOrder?>(null);
    }

    public Task<IReadOnlyList<TopUpOrder>> ListWithOpenDisputesAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TopUpOrder>>([.. database.Orders.Select(TopUpOrder.Restore)
            .Where(o => o.Disputes.Any(d => d.IsOpen))
            .OrderBy(o => o.Disputes.Where(d => d.IsOpen).Min(d => d.OpenedAt))
            .Take(limit)]);

    public Task<TopUpOrder?> FindByNumberAsync(OrderNumber number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        var id = database.Orders.FirstOrDefault(o => o.Number == number.Value)?.Id;
        return id is { } found ? FindAsync(found, cancellationToken) : Task.FromResult<TopUpOrder?>(null);
    }

    public Task<IReadOnlyList<TopUpOrder>> ListAsync(AccountId account, Guid? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var newestFirst = database.Orders.Where(o => o.AccountId == account.Value)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Number, StringComparer.Ordinal)
            .ToList();
        var start = after is { } cursor ? newestFirst.FindIndex(o => o.Id == cursor) + 1 : 0;
        return Task.FromResult<IReadOnlyList<TopUpOrder>>([.. newestFirst.Skip(start).Take(limit).Select(TopUpOrder.Restore)]);
    }

    public Task<IReadOnlyList<Guid>> ListToReconcileAsync(DateTimeOffset awaitingCreatedBefore, DateTimeOffset closedSince, int limit, CancellationToken cancellationToken)
    {
        string[] closed = [nameof(TopUpStatus.Failed), nameof(TopUpStatus.Expired), nameof(TopUpStatus.Cancelled)];
        return Task.FromResult<IReadOnlyList<Guid>>([.. database.Orders
            .Where(o => (o.Status == nameof(TopUpStatus.AwaitingPayment) && o.CreatedAt < awaitingCreatedBefore)
                || (closed.Contains(o.Status) && o.CreatedAt >= closedSince)
                || o.Refunds.Any(r => r.Status == nameof(Domain.Refunds.RefundStatus.Pending))
                || o.Disputes.Any(d => d.Status is nameof(Domain.Disputes.DisputeStatus.NeedsResponse) or nameof(Domain.Disputes.DisputeStatus.UnderReview)))
            .OrderBy(o => o.CreatedAt)
            .Take(limit)
            .Select(o => o.Id)]);
    }
}

/// <summary>A key as the table holds it.</summary>
public sealed record StoredKey(KeyClaim Claim, string? Response);

/// <summary>The keys' statements, each applied at once under a lock, as the database arbitrates them.</summary>
public sealed class FakeIdempotencyKeys(FakeDatabase database) : IIdempotencyKeys
{
    public Task<HeldKey?> ClaimAsync(KeyClaim claim, CancellationToken cancellationToken)
    {
        lock (database.IdempotencyKeys)
        {
            if (database.IdempotencyKeys.TryGetValue((claim.Scope, claim.Key), out var held)
                && held.Claim.ExpiresAt > claim.At
                && !(held.Response is null && held.Claim.LockedUntil <= claim.At && held.Claim.Operation == claim.Operation && held.Claim.RequestHash == claim.RequestHash))
            {
                return Task.FromResult<HeldKey?>(new HeldKey(held.Claim.Operation, held.Claim.RequestHash, held.Response));
            }

            database.IdempotencyKeys[(claim.Scope, claim.Key)] = new StoredKey(claim, null);
            return Task.FromResult<HeldKey?>(null);
        }
    }

    public Task CompleteAsync(KeyClaim claim, string response, CancellationToken cancellationToken) => database.FailKeyCompletion
        ? throw new InvalidOperationException("The database is gone.")
        : Change(claim, held => held with { Response = response });

    public Task ReleaseAsync(KeyClaim claim, CancellationToken cancellationToken) => Change(claim, held => held.Response is null ? null : held);

    private Task Change(KeyClaim claim, Func<StoredKey, StoredKey?> change)
    {
        lock (database.IdempotencyKeys)
        {
            if (database.IdempotencyKeys.TryGetValue((claim.Scope, claim.Key), out var held) && held.Claim.Token == claim.Token)
            {
                if (change(held) is { } changed)
                {
                    database.IdempotencyKeys[(claim.Scope, claim.Key)] = changed;
                }
                else
                {
                    database.IdempotencyKeys.Remove((claim.Scope, claim.Key));
                }
            }
        }

        return Task.CompletedTask;
    }
}

public sealed class FakeWebhookInbox(FakeDatabase database, FakeSession session) : IEventInbox
{
    public Task<bool> ContainsAsync(PaymentProvider provider, string eventId, CancellationToken cancellationToken) =>
        Task.FromResult(database.Inbox.Concat(session.Inbox).Any(e => e.Provider == provider && e.EventId == eventId));

    public void Add(InboxEntry entry) => session.Inbox.Add(entry);

    public Task<IReadOnlyList<InboxEntry>> ForOrderAsync(Guid orderId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<InboxEntry>>([.. database.Inbox.Where(e => e.OrderId == orderId).OrderBy(e => e.ReceivedAt)]);
}

/// <summary>A table of rates, USD→PHP 56.25 unless a test says otherwise.</summary>
public sealed class FakeExchangeRates : IExchangeRates
{
    private readonly Dictionary<(string From, string To), string> rates = new() { [("USD", "PHP")] = "56.25" };

    public void Set(string from, string to, string? rate)
    {
        if (rate is null)
        {
            rates.Remove((from, to));
        }
        else
        {
            rates[(from, to)] = rate;
        }
    }

    public Task<ExchangeRate?> FindAsync(Currency from, Currency to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return Task.FromResult(rates.TryGetValue((from.Code, to.Code), out var rate) ? ExchangeRate.Parse(from, to, rate).Value : null);
    }
}

/// <summary>Reserves every amount: the daily limit is counted in the database, and tried against it in the API tests.</summary>
public sealed class FakeDailyTopUpLimit : IDailyTopUpLimit
{
    public Task<Money?> ReserveAsync(AccountId account, Guid orderId, Money amount, TopUpLimits limits, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<Money?>(null);

    public Task<Money> UsedAsync(AccountId account, Currency currency, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Money.FromMinorUnits(0, currency).Value);

    public Task ReleaseAsync(Guid orderId, CancellationToken cancellationToken) => Task.CompletedTask;
}
