using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.Core;

/// <summary>Runs due scheduler jobs as the clock reaches them.</summary>
internal sealed class SimulatorWorker(SimulatorScheduler scheduler, IOptions<SimulatorOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunScheduler)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scheduler.RunDueAsync(stoppingToken);
                await scheduler.WaitForWorkAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
