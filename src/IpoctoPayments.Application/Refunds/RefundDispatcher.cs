using IpoctoPayments.Application.Refunds.SendRefund;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application.Refunds;

/// <summary>
/// One pass over the refund outbox: leases what is due and sends each refund in its own scope. Any number of instances
/// may run passes at once; the lease gives each refund to one of them.
/// </summary>
public sealed class RefundDispatcher(IServiceScopeFactory scopes, IOptions<RefundDispatchOptions> options, TimeProvider clock, ILogger<RefundDispatcher> logger)
{
    /// <summary>Sends what is due; returns how many refunds this pass sent or rescheduled.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<RefundToSend> leased;
        await using (var scope = scopes.CreateAsyncScope())
        {
            leased = await scope.ServiceProvider.GetRequiredService<IRefundOutbox>()
                .LeaseDueAsync(now, now + options.Value.Lease, options.Value.BatchSize, cancellationToken);
        }

        foreach (var refund in leased)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendRefundCommand(refund.OrderId, refund.RefundId, refund.Attempts), cancellationToken);
            }
#pragma warning disable CA1031 // one refund that cannot be sent must not hold up the others; its lease ends and it is tried again
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "Sending refund {RefundId} of top-up {TopUpId} failed unexpectedly", refund.RefundId, refund.OrderId);
            }
        }

        return leased.Count;
    }
}
