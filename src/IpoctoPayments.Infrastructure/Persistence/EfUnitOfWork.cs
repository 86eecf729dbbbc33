using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.Persistence;
using IpoctoPayments.Infrastructure.Ledger;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Infrastructure.Persistence;

internal sealed class EfUnitOfWork(PaymentsDbContext db, BalanceStatements balances, ILogger<EfUnitOfWork> logger) : IUnitOfWork
{
    private const int MaxAttempts = 5;

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            // Nested command: the outer unit of work commits.
            return await work(cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            // Begun inside the try: on SQLite, BEGIN is where a writer waits for the one write lock, and may lose.
            IDbContextTransaction? transaction = null;
            try
            {
                transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                // A failed save abandons the whole transaction here, so EF Core's savepoint around each save (two round
                // trips: SAVEPOINT before, RELEASE after) would protect nothing.
                db.Database.AutoSavepointsEnabled = false;
                var result = await work(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                // Last before the commit: a balance credited by many payments at once is locked only until it.
                await balances.WriteCreditsAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception exception) when (WriteConflicts.IsWriteConflict(exception))
            {
                await AbandonAsync(transaction, cancellationToken);
                if (attempt == MaxAttempts)
                {
                    // Not a fault: the same request, sent again in a moment, finds the other writers done.
                    logger.LogWarning("Write conflict on each of {Attempts} attempts; answering busy", attempt);
                    throw new AppException(new AppError(ErrorKind.Busy, "write_contention",
                        "Other changes to the same order or balance kept getting there first; nothing was written. Send the same request again shortly."));
                }

                logger.LogInformation("Write conflict on attempt {Attempt}; running the command again on fresh data", attempt);
            }
            catch
            {
                db.ChangeTracker.Clear();
                balances.Forget();
                throw;
            }
            finally
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync();
                }
            }
        }
    }

    private async Task AbandonAsync(IDbContextTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        balances.Forget();
    }
}
