namespace IpoctoPayments.Application.Common.Persistence;

/// <summary>One database transaction around a command; the only place changes are saved.</summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and commits what it changed. When another writer got there
    /// first (a concurrency token moved, or a unique key was taken), the tracked state is discarded and the work
    /// runs again on fresh data, so a use case re-reads and sees what the other writer did.
    /// </summary>
    Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
