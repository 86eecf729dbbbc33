using IpoctoPayments.Application.Common.Persistence;

namespace IpoctoPayments.Application.Tests.Fakes;

/// <summary>Runs the work and commits the session; work that throws leaves the database as it was, the journal included.</summary>
public sealed class FakeUnitOfWork(FakeDatabase database, FakeSession session) : IUnitOfWork
{
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var postingsBefore = database.BeginUnitOfWork();
        try
        {
            var result = await work(cancellationToken);
            database.Commit(session.Orders.Values, session.IdempotencyRecords, session.Inbox);
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
