namespace IpoctoPayments.Application.Common.Idempotency;

/// <summary>
/// A caller's <c>Idempotency-Key</c>, the hash of the request it came with, and what it created. Saved in the same
/// transaction as the work, so a key is never burnt without the work being done.
/// </summary>
public sealed record IdempotencyRecord(string Scope, string Key, string Operation, string RequestHash, Guid ResourceId, DateTimeOffset CreatedAt);

public interface IIdempotencyRecords
{
    Task<IdempotencyRecord?> FindAsync(string scope, string key, CancellationToken cancellationToken);

    void Add(IdempotencyRecord record);
}
