using IpoctoPayments.Application.Refunds;
using IpoctoPayments.Infrastructure.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Refunds;

/// <summary>
/// Sends recorded refunds every <see cref="RefundDispatchOptions.Interval"/> on every instance: the outbox leases each
/// refund to one instance as it sends it, so instances work side by side, and one that dies holds back only the refund
/// it was sending, not the whole dispatcher until a job lease runs out.
/// </summary>
internal sealed class RefundDispatchJob(RefundDispatcher dispatcher, IOptions<RefundDispatchOptions> options, IServiceProvider services, ILogger<RefundDispatchJob> logger)
    : PeriodicJob(options.Value.Interval, services, logger)
{
    protected override string Key => "refund-dispatch";

    protected override string Name => "Refund dispatch";

    protected override bool RunsOnOneInstance => false;

    protected override Task RunPassAsync(CancellationToken stoppingToken) => dispatcher.DispatchDueAsync(stoppingToken);
}
