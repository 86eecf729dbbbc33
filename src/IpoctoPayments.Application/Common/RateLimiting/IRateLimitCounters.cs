namespace IpoctoPayments.Application.Common.RateLimiting;

/// <summary>
/// Fixed-window counters kept in the database, so that every API instance takes its permits from the same count: a
/// limit holds for a caller however many instances serve it.
/// </summary>
public interface IRateLimitCounters
{
    /// <summary>
    /// Takes one permit for <paramref name="key"/> from the <see cref="FixedWindow"/> of <paramref name="length"/> holding
    /// <paramref name="now"/>, in one statement of its own — called before any unit of work opens, so the count is
    /// visible to every instance at once. Refused, and nothing counted, once <paramref name="limit"/> permits have been
    /// taken from that window. When the counter cannot be reached it throws an <c>AppException</c> of kind
    /// <c>Busy</c>: the request is refused, never let through uncounted.
    /// </summary>
    Task<Permit> TakeAsync(string key, int limit, TimeSpan length, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A permit taken, or refused with how long until its window ends and permits are given again.</summary>
public sealed record Permit(bool Taken, TimeSpan RetryAfter)
{
    public static Permit Granted { get; } = new(true, TimeSpan.Zero);

    public static Permit Refused(TimeSpan retryAfter) => new(false, retryAfter);
}
