using IpoctoPayments.Application.Common.Persistence;
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
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception exception) when (attempt < MaxAttempts && WriteConflicts.IsWriteConflict(exception))
            {
                logger.LogInformation("Write conflict on attempt {Attempt}; running the command again on fresh data", attempt);
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            catch
            {
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }
}
