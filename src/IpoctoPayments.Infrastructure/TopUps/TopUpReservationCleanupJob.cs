using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Infrastructure.Common;
using IpoctoPayments.Infrastructure.Common.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.TopUps;

/// <summary>
/// Removes top-up reservations past the 24 hours they count for, every <see cref="TopUpLimitOptions.CleanupInterval"/>, on
/// one instance at a time; a top-up itself only reads the 24 hours it needs, so it never waits for this.
/// </summary>
internal sealed class TopUpReservationCleanupJob(
    IServiceScopeFactory scopes, IOptions<TopUpLimitOptions> options, JobLeases leases, ILogger<TopUpReservationCleanupJob> logger)
    : PeriodicJob(options.Value.CleanupInterval, leases, logger)
{
    protected override string Key => "topup-reservation-cleanup";

    protected override string Name => "Top-up reservation cleanup";

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<DailyTopUpLimit>().RemoveExpiredAsync(Clock.GetUtcNow(), stoppingToken);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} top-up reservations older than 24 hours", removed);
        }
    }
}
