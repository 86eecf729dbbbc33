using IpoctoPayments.Application.Reconciliation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Reconciliation;

/// <summary>
/// Runs reconciliation every <see cref="ReconciliationOptions.Interval"/>. Several instances may run it at once: each
/// change goes through the webhook inbox, so it happens once whoever gets there first.
/// </summary>
internal sealed class ReconciliationJob(ReconciliationRun run, IOptions<ReconciliationOptions> options, TimeProvider clock, ILogger<ReconciliationJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var report = await run.RunAsync(stoppingToken);
                logger.LogInformation("Reconciliation checked {Checked} top-ups, changed {Changed}, could not check {Failed}", report.Checked, report.Changed.Count, report.Failed.Count);
            }
#pragma warning disable CA1031 // the job must outlive one bad run (the database restarting, say)
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "Reconciliation run failed; the next run tries again");
            }
        }
    }
}
