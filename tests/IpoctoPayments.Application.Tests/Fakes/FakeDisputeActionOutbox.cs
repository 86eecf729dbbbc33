using IpoctoPayments.Application.Disputes;

namespace IpoctoPayments.Application.Tests.Fakes;

/// <summary>
/// Answers to disputes, added in the unit of work and kept in <see cref="FakeDatabase.DisputeActions"/> when it commits.
/// Sending them is the API tests' business (the real gateway against the simulator): these tests never dispatch them.
/// </summary>
public sealed class FakeDisputeActionOutbox(FakeSession session) : IDisputeActionOutbox
{
    public void Add(DisputeActionToSend action, DateTimeOffset at) => session.DisputeActions.Add(action);

    public Task<IReadOnlyList<DisputeActionToSend>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leasedUntil, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task RemoveAsync(Guid id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task RetryLaterAsync(Guid id, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken) => throw new NotSupportedException();
}
