using IpoctoPayments.Application.Refunds;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Refunds;

/// <summary>Sends recorded refunds every <see cref="RefundDispatchOptions.Interval"/>, on every instance; the outbox's lease gives each refund to one.</summary>
internal sealed class RefundDispatchJob(RefundDispatcher dispatcher, IOptions<RefundDispatchOptions> options, TimeProvider clock, ILogger<RefundDispatchJob> logger)
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
                await dispatcher.DispatchDueAsync(stoppingToken);
            }
#pragma warning disable CA1031 // the job must outlive one bad pass (the database restarting, say)
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "Refund dispatch failed; the next pass tries again");
            }
        }
    }
}
