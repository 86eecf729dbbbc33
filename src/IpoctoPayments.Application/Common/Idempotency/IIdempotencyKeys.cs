namespace IpoctoPayments.Application.Common.Idempotency;

/// <summary>A caller's key as a request claims it: what the request is, and until when the claim and the key hold.</summary>
public sealed record KeyClaim(
    string Scope,
    string Key,
    string Operation,
    string RequestHash,
    Guid Token,
    DateTimeOffset At,
    DateTimeOffset LockedUntil,
    DateTimeOffset ExpiresAt);

/// <summary>A key already held: by a request still running (<see cref="Response"/> null) or by a finished one.</summary>
public sealed record HeldKey(string Operation, string RequestHash, string? Response);

/// <summary>
/// The stored keys. Each call is one statement of its own, outside the command's transaction: a claim must be seen by a
/// concurrent retry while the command is still running (it may be waiting for a provider).
/// </summary>
public interface IIdempotencyKeys
{
    /// <summary>
    /// Claims the key for this request; null when it got it — the key was free, expired, or left by a request that
    /// stopped without finishing — otherwise the key as it is held.
    /// </summary>
    Task<HeldKey?> ClaimAsync(KeyClaim claim, CancellationToken cancellationToken);

    /// <summary>Keeps the first answer with the key, for every retry until the key expires.</summary>
    Task CompleteAsync(KeyClaim claim, string response, CancellationToken cancellationToken);

    /// <summary>Frees the key of a request that failed: nothing was done, so a retry runs anew.</summary>
    Task ReleaseAsync(KeyClaim claim, CancellationToken cancellationToken);
}
