using IpoctoPayments.Application.Reconciliation;
using IpoctoPayments.Infrastructure.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Reconciliation;

/// <summary>
/// Runs reconciliation every <see cref="ReconciliationOptions.Interval"/>. Several instances may run it at once: each
/// change goes through the webhook inbox, so it happens once whoever gets there first.
/// </summary>
internal sealed class ReconciliationJob(ReconciliationRun run, IOptions<ReconciliationOptions> options, TimeProvider clock, ILogger<ReconciliationJob> logger)
    : PeriodicJob(options.Value.Interval, clock, logger)
{
    protected override string Name => "Reconciliation run";

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        var report = await run.RunAsync(stoppingToken);
        logger.LogInformation("Reconciliation checked {Checked} top-ups, changed {Changed}, could not check {Failed}", report.Checked, report.Changed.Count, report.Failed.Count);
    }
}
