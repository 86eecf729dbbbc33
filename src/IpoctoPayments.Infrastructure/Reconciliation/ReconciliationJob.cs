using IpoctoPayments.Application.Reconciliation;
using IpoctoPayments.Infrastructure.Common;
using IpoctoPayments.Infrastructure.Common.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Reconciliation;

/// <summary>Runs reconciliation every <see cref="ReconciliationOptions.Interval"/>, on one instance at a time.</summary>
internal sealed class ReconciliationJob(ReconciliationRun run, IOptions<ReconciliationOptions> options, JobLeases leases, ILogger<ReconciliationJob> logger)
    : PeriodicJob(options.Value.Interval, leases, logger)
{
    protected override string Key => "reconciliation";

    protected override string Name => "Reconciliation run";

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        var report = await run.RunAsync(stoppingToken);
        logger.LogInformation("Reconciliation checked {Checked} top-ups, changed {Changed}, could not check {Failed}", report.Checked, report.Changed.Count, report.Failed.Count);
    }
}
