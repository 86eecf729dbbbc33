using IpoctoPayments.Application.Refunds;
using IpoctoPayments.Infrastructure.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Refunds;

/// <summary>
/// Sends recorded refunds every <see cref="RefundDispatchOptions.Interval"/>, on one instance at a time; the outbox's
/// lease on each refund still keeps a refund sent by one instance at once should two passes ever overlap.
/// </summary>
internal sealed class RefundDispatchJob(RefundDispatcher dispatcher, IOptions<RefundDispatchOptions> options, IServiceProvider services, ILogger<RefundDispatchJob> logger)
    : PeriodicJob(options.Value.Interval, services, logger)
{
    protected override string Key => "refund-dispatch";

    protected override string Name => "Refund dispatch";

    protected override Task RunPassAsync(CancellationToken stoppingToken) => dispatcher.DispatchDueAsync(stoppingToken);
}
