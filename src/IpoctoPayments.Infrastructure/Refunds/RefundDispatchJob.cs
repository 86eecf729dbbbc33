using IpoctoPayments.Application.Refunds;
using IpoctoPayments.Infrastructure.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Refunds;

/// <summary>Sends recorded refunds every <see cref="RefundDispatchOptions.Interval"/>, on every instance; the outbox's lease gives each refund to one.</summary>
internal sealed class RefundDispatchJob(RefundDispatcher dispatcher, IOptions<RefundDispatchOptions> options, TimeProvider clock, ILogger<RefundDispatchJob> logger)
    : PeriodicJob(options.Value.Interval, clock, logger)
{
    protected override string Name => "Refund dispatch";

    protected override Task RunPassAsync(CancellationToken stoppingToken) => dispatcher.DispatchDueAsync(stoppingToken);
}
