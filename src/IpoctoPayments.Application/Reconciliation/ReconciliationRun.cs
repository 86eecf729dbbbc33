using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Reconciliation.FindMissedDisputes;
using IpoctoPayments.Application.Reconciliation.FindTopUpsToReconcile;
using IpoctoPayments.Application.Reconciliation.ReconcileTopUp;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Application.Reconciliation;

/// <summary>One pass over the orders to reconcile, each in its own scope and transaction; one order's trouble does not stop the others.</summary>
public sealed class ReconciliationRun(IServiceScopeFactory scopes, ILogger<ReconciliationRun> logger)
{
    public async Task<ReconciliationReport> RunAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            candidates = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FindTopUpsToReconcileQuery(), cancellationToken);
        }

        var reconciled = new List<ReconciledTopUp>();
        var failed = new List<string>();
        foreach (var id in candidates)
        {
            // Stopping ends the pass before the next order (the one in progress is cancelled with its transaction, so
            // nothing is half written); the next pass takes up the rest.
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            await using var scope = scopes.CreateAsyncScope();
            try
            {
                reconciled.Add(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReconcileTopUpCommand(id), cancellationToken));
            }
            catch (AppException exception)
            {
                logger.LogWarning("Reconciling top-up {TopUpId} failed: {Code}", id, exception.Error.Code);
                failed.Add($"{id}: {exception.Error.Code}");
            }
#pragma warning disable CA1031 // one order that cannot be reconciled must not stop the others, run after run
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "Reconciling top-up {TopUpId} failed unexpectedly", id);
                failed.Add($"{id}: error");
            }
        }

        var checkedOrders = reconciled.Count + failed.Count;
        // After the orders: a provider slow to list its disputes does not hold up the orders due.
        var disputes = cancellationToken.IsCancellationRequested ? [] : await FindMissedDisputesAsync(failed, cancellationToken);
        return new ReconciliationReport(checkedOrders, [.. reconciled.Where(r => r.Actions.Count > 0)], failed)
        {
            DisputesFound = disputes,
        };
    }

    /// <summary>Disputes whose webhooks never came; a provider that cannot list them now is asked again next pass.</summary>
    private async Task<IReadOnlyList<string>> FindMissedDisputesAsync(List<string> failed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FindMissedDisputesCommand(), cancellationToken);
        }
        catch (AppException exception)
        {
            logger.LogWarning("Listing the providers' disputes failed: {Code}", exception.Error.Code);
            failed.Add($"disputes: {exception.Error.Code}");
            return [];
        }
    }
}

/// <summary>
/// How many orders were checked (fewer than found when the pass was stopped), what changed, and which could not be
/// checked; <see cref="DisputesFound"/> names the disputes found in the providers' lists that their webhooks had not brought.
/// </summary>
public sealed record ReconciliationReport(int Checked, IReadOnlyList<ReconciledTopUp> Changed, IReadOnlyList<string> Failed)
{
    public IReadOnlyList<string> DisputesFound { get; init; } = [];
}
