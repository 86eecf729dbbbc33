using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Infrastructure.Common;

/// <summary>
/// A background job that runs one pass every <c>interval</c> on the clock (tests move it), on every instance; zero turns
/// it off. A pass that fails is logged and the next one tries again: the job must outlive, say, the database restarting.
/// </summary>
internal abstract class PeriodicJob(TimeSpan interval, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected abstract string Name { get; }

    protected abstract Task RunPassAsync(CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, Clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
#pragma warning disable CA1031 // any failure of one pass is logged; the next pass tries again
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "{Job} failed; the next pass tries again", Name);
            }
        }
    }
}
