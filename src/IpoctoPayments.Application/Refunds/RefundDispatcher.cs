using IpoctoPayments.Application.Refunds.SendRefund;
using IpoctoPayments.Application.TopUps;
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
    /// <summary>Sends what is due, up to a batch; returns how many refunds this pass took up.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var taken = 0;
        // Stopping ends the pass before the next refund. One cut off at the provider is sent again, under the same
        // idempotency key, when its lease ends.
        while (taken < options.Value.BatchSize && !cancellationToken.IsCancellationRequested && await LeaseNextAsync(cancellationToken) is { } refund)
        {
            taken++;
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

        return taken;
    }

    // One at a time, just before it is sent: a lease taken for a whole batch could run out while a slow provider holds
    // the refunds ahead of it, and another instance would send it at the same time.
    private async Task<RefundToSend?> LeaseNextAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var leased = await scope.ServiceProvider.GetRequiredService<IRefundOutbox>().LeaseDueAsync(now, now + options.Value.Lease, 1, cancellationToken);
        return leased.Count == 0 ? null : leased[0];
    }
}
