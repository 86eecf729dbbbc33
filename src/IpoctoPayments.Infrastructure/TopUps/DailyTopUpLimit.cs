using System.Data.Common;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.TopUps;
using IpoctoPayments.Infrastructure.Common;
using IpoctoPayments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Infrastructure.TopUps;

/// <summary>
/// Reservations counted under the account's own lock: the first statement writes the account's row, so a second
/// reservation of the same account, on any instance, waits there until the first commits, then counts it. The count
/// is a plain read after that wait, which sees what was committed on SQLite (one writer at a time), PostgreSQL and SQL
/// Server (read committed) alike.
/// </summary>
internal sealed class DailyTopUpLimit(PaymentsDbContext db, ILogger<DailyTopUpLimit> logger) : IDailyTopUpLimit, IExpiringRows
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    private static readonly string[] ClosedUnpaid = [nameof(TopUpStatus.Failed), nameof(TopUpStatus.Expired), nameof(TopUpStatus.Cancelled)];

    public async Task<Money?> ReserveAsync(
        AccountId account, Guid orderId, Money amount, TopUpLimits limits, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(amount);
        ArgumentNullException.ThrowIfNull(limits);
        var nowMs = now.ToUnixTimeMilliseconds();
        await db.Database.ExecuteSqlAsync(LockAccount(account.Value, nowMs), cancellationToken);

        // One read under the lock: what the account's day holds, and whether this order is in it already (a retry).
        var reservations = db.Set<TopUpReservationRecord>();
        var live = Live(account, now);
        var day = await db.Set<TopUpLimitAccountRecord>()
            .Where(a => a.AccountId == account.Value)
            .Select(a => new { Used = live.Sum(r => r.AmountMinorUnits), Reserved = reservations.Any(r => r.OrderId == orderId) })
            .SingleAsync(cancellationToken);
        if (day.Reserved)
        {
            return null;
        }

        var left = limits.LeftOfDay(Money.FromMinorUnits(day.Used, limits.MaximumPerDay.Currency).Value);
        if (amount.MinorUnits > left.MinorUnits)
        {
            return left;
        }

        reservations.Add(new TopUpReservationRecord { OrderId = orderId, AccountId = account.Value, AmountMinorUnits = amount.MinorUnits, ReservedAtUnixMs = nowMs });
        return null;
    }

    public async Task<Money> UsedAsync(AccountId account, Currency currency, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Money.FromMinorUnits(await Live(account, now).SumAsync(r => r.AmountMinorUnits, cancellationToken), currency).Value;
    }

    /// <summary>
    /// Removes what no window from now on can count: reservations older than 24 hours, and the lock rows of accounts with
    /// none since. A reservation in flight has just rewritten its account's row, so that row is kept.
    /// </summary>
    public async Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sinceMs = (now - Window).ToUnixTimeMilliseconds();
        var removed = await db.Set<TopUpReservationRecord>().Where(r => r.ReservedAtUnixMs <= sinceMs).ExecuteDeleteAsync(cancellationToken);
        await db.Set<TopUpLimitAccountRecord>().Where(a => a.LastReservedAtUnixMs <= sinceMs).ExecuteDeleteAsync(cancellationToken);
        return removed;
    }

    public async Task ReleaseAsync(Guid orderId, CancellationToken cancellationToken)
    {
        try
        {
            await db.Set<TopUpReservationRecord>()
                .Where(r => r.OrderId == orderId && !db.Set<TopUpOrderRecord>().Any(o => o.Id == orderId))
                .ExecuteDeleteAsync(cancellationToken);
        }
        catch (DbException exception)
        {
            // The caller answers with the provider's failure; this reservation only counts until it is 24 hours old.
            logger.LogWarning(exception, "The reservation of order {OrderId} could not be given back", orderId);
        }
    }

    /// <summary>The account's reservations of the 24 hours before <paramref name="now"/> whose orders did not close unpaid.</summary>
    private IQueryable<TopUpReservationRecord> Live(AccountId account, DateTimeOffset now)
    {
        var sinceMs = (now - Window).ToUnixTimeMilliseconds();
        var orders = db.Set<TopUpOrderRecord>();
        return db.Set<TopUpReservationRecord>()
            .Where(r => r.AccountId == account.Value && r.ReservedAtUnixMs > sinceMs)
            .Where(r => !orders.Any(o => o.Id == r.OrderId && ClosedUnpaid.Contains(o.Status)));
    }

    private FormattableString LockAccount(string account, long nowMs)
    {
        if (db.Database.IsSqlServer())
        {
            // SQL Server has no ON CONFLICT; MERGE under HOLDLOCK keeps two first reservations of an account from both inserting.
            return $"""
                MERGE topup_limit_accounts WITH (HOLDLOCK) AS a
                USING (VALUES ({account}, {nowMs})) AS t ("AccountId", "LastReservedAtUnixMs")
                ON a."AccountId" = t."AccountId"
                WHEN MATCHED THEN UPDATE SET "LastReservedAtUnixMs" = t."LastReservedAtUnixMs"
                WHEN NOT MATCHED THEN INSERT ("AccountId", "LastReservedAtUnixMs") VALUES (t."AccountId", t."LastReservedAtUnixMs");
                """;
        }

        return $"""
            INSERT INTO topup_limit_accounts ("AccountId", "LastReservedAtUnixMs") VALUES ({account}, {nowMs})
            ON CONFLICT ("AccountId") DO UPDATE SET "LastReservedAtUnixMs" = excluded."LastReservedAtUnixMs"
            """;
    }
}
