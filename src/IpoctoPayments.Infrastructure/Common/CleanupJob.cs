using IpoctoPayments.Infrastructure.Common.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Infrastructure.Common;

/// <summary>Rows that stop counting at a time of their own, and are removed afterwards by a <see cref="CleanupJob{TRows}"/>.</summary>
internal interface IExpiringRows
{
    /// <summary>Removes the rows past their time at <paramref name="now"/>; how many went.</summary>
    Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A cleanup job's name in the schedule every instance shares (never renamed), its name in logs, and how often it runs.</summary>
internal sealed record CleanupSchedule<TRows>(string Key, string Name, TimeSpan Interval)
    where TRows : IExpiringRows;

/// <summary>
/// Removes rows past their time every interval, on one instance at a time. The rows already count as gone when their
/// time passes, so a request never waits for this: it only keeps the tables small.
/// </summary>
internal sealed class CleanupJob<TRows>(IServiceScopeFactory scopes, CleanupSchedule<TRows> schedule, JobLeases leases, ILogger<CleanupJob<TRows>> logger)
    : PeriodicJob(schedule.Interval, leases, logger)
    where TRows : IExpiringRows
{
    protected override string Key => schedule.Key;

    protected override string Name => schedule.Name;

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<TRows>().RemoveExpiredAsync(Clock.GetUtcNow(), stoppingToken);
        if (removed > 0)
        {
            logger.LogInformation("{Job}: removed {Count} rows past their time", schedule.Name, removed);
        }
    }
}
