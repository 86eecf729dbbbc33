using IpoctoPayments.Application.Common.Outbox;
using IpoctoPayments.Infrastructure.Common.Jobs;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Infrastructure.Common.Outbox;

/// <summary>
/// Sends an outbox's calls every <see cref="OutboxDispatchOptions.Interval"/> on every instance: the outbox leases each
/// message to one instance as it sends it, so instances work side by side, and one that dies holds back only the message
/// it was sending, not the whole dispatcher until a job lease runs out.
/// </summary>
internal sealed class OutboxDispatchJob<TDispatcher>(TDispatcher dispatcher, JobLeases leases, ILogger<TDispatcher> logger)
    : PeriodicJob(dispatcher.Options.Interval, leases, logger)
    where TDispatcher : IOutboxDispatcher
{
    protected override string? Key => null;

    protected override string Name => dispatcher.Name;

    protected override Task RunPassAsync(CancellationToken stoppingToken) => dispatcher.DispatchDueAsync(stoppingToken);
}
