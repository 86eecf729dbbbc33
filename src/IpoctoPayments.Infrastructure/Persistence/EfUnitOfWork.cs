using IpoctoPayments.Application.Common.Persistence;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Infrastructure.Persistence;

internal sealed class EfUnitOfWork(PaymentsDbContext db, ILogger<EfUnitOfWork> logger) : IUnitOfWork
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
                var result = await work(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception exception) when (attempt < MaxAttempts && WriteConflicts.IsWriteConflict(exception))
            {
                logger.LogInformation("Write conflict on attempt {Attempt}; running the command again on fresh data", attempt);
                if (transaction is not null)
                {
                    await transaction.RollbackAsync(cancellationToken);
                }

                db.ChangeTracker.Clear();
            }
            catch
            {
                db.ChangeTracker.Clear();
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
}
