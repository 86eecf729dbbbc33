using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Infrastructure.Common.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Common.Idempotency;

/// <summary>Removes callers' keys past their lifetime every <see cref="IdempotencyOptions.CleanupInterval"/>, on one instance at a time; an expired key is already treated as free.</summary>
internal sealed class IdempotencyCleanupJob(IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options, JobLeases leases, ILogger<IdempotencyCleanupJob> logger)
    : PeriodicJob(options.Value.CleanupInterval, leases, logger)
{
    protected override string Key => "idempotency-cleanup";

    protected override string Name => "Idempotency key cleanup";

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<IIdempotencyKeys>().RemoveExpiredAsync(Clock.GetUtcNow(), stoppingToken);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} expired idempotency keys", removed);
        }
    }
}
