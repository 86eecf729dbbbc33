using IpoctoPayments.Application.Refunds;
using IpoctoPayments.Infrastructure.Common;
using IpoctoPayments.Infrastructure.Common.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Refunds;

/// <summary>
/// Sends recorded refunds every <see cref="RefundDispatchOptions.Interval"/> on every instance: the outbox leases each
/// refund to one instance as it sends it, so instances work side by side, and one that dies holds back only the refund
/// it was sending, not the whole dispatcher until a job lease runs out.
/// </summary>
internal sealed class RefundDispatchJob(RefundDispatcher dispatcher, IOptions<RefundDispatchOptions> options, JobLeases leases, ILogger<RefundDispatchJob> logger)
    : PeriodicJob(options.Value.Interval, leases, logger)
{
    protected override string? Key => null;

    protected override string Name => "Refund dispatch";

    protected override Task RunPassAsync(CancellationToken stoppingToken) => dispatcher.DispatchDueAsync(stoppingToken);
}
