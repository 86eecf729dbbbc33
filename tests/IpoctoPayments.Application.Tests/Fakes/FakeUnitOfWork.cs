using IpoctoPayments.Application.Common.Persistence;

namespace IpoctoPayments.Application.Tests.Fakes;

/// <summary>
/// Runs the work and commits the session; work that throws leaves the database as it was, the journal included.
/// <see cref="FakeDatabase.WriteConflicts"/> makes the next commits meet another writer: the work is discarded and run
/// again, as the real unit of work does.
/// </summary>
public sealed class FakeUnitOfWork(FakeDatabase database, FakeSession session) : IUnitOfWork
{
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var postingsBefore = database.BeginUnitOfWork();
        try
        {
            var result = await work(cancellationToken);
            while (database.WriteConflicts > 0)
            {
                database.WriteConflicts--;
                session.Clear();
                database.RollBackJournalTo(postingsBefore);
                result = await work(cancellationToken);
            }

            database.Commit(session);
            session.Clear();
            return result;
        }
        catch
        {
            session.Clear();
            database.RollBackJournalTo(postingsBefore);
            throw;
        }
    }
}
