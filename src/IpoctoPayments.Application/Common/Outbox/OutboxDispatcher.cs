using IpoctoPayments.Application.Common.Providers;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Application.Common.Outbox;

/// <summary>A dispatcher as the background job runs it, whatever it sends.</summary>
public interface IOutboxDispatcher
{
    /// <summary>What it sends, for the job's logs ("Refund dispatch").</summary>
    string Name { get; }

    OutboxDispatchOptions Options { get; }

    /// <summary>Sends what is due, up to a batch; returns how many messages this pass took up.</summary>
    Task<int> DispatchDueAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One pass over an outbox: leases what is due and sends each message in its own scope, as the command
/// <see cref="SendCommand"/> makes of it. Any number of instances may run passes at once; the lease gives each message to
/// one of them. A provider that cannot be reached puts the message back for later, waiting longer after each failure.
/// </summary>
public abstract class OutboxDispatcher<TMessage>(IServiceScopeFactory scopes, OutboxDispatchOptions options, TimeProvider clock, ILogger logger) : IOutboxDispatcher
    where TMessage : class, IOutboxMessage
{
    public abstract string Name { get; }

    public OutboxDispatchOptions Options => options;

    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var taken = 0;
        // Stopping ends the pass before the next message. One cut off at the provider is sent again, under the same
        // idempotency key, when its lease ends.
        while (taken < options.BatchSize && !cancellationToken.IsCancellationRequested && await LeaseNextAsync(cancellationToken) is { } message)
        {
            taken++;
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(SendCommand(message), cancellationToken);
            }
            catch (ProviderUnavailableException unavailable)
            {
                var delay = options.RetryDelayAfter(message.Attempts);
                logger.LogWarning("{What} {Id} could not be sent to {Provider}; trying again in {Delay}: {Reason}",
                    Name, message.Id, ProviderNames.Of(unavailable.Provider), delay, unavailable.Message);
                await OutboxIn(scope.ServiceProvider).RetryLaterAsync(message.Id, clock.GetUtcNow() + delay, unavailable.Message, cancellationToken);
            }
#pragma warning disable CA1031 // one message that cannot be sent must not hold up the others; its lease ends and it is tried again
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "{What} {Id} failed unexpectedly", Name, message.Id);
            }
        }

        return taken;
    }

    /// <summary>The command that sends one message, in a scope of its own, and removes it from the outbox once it is answered.</summary>
    protected abstract ICommand SendCommand(TMessage message);

    protected abstract IOutbox<TMessage> OutboxIn(IServiceProvider services);

    // One at a time, just before it is sent: a lease taken for a whole batch could run out while a slow provider holds
    // the messages ahead of it, and another instance would send it at the same time.
    private async Task<TMessage?> LeaseNextAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var leased = await OutboxIn(scope.ServiceProvider).LeaseDueAsync(now, now + options.Lease, 1, cancellationToken);
        return leased.Count == 0 ? null : leased[0];
    }
}
