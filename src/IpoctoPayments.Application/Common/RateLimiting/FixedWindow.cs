namespace IpoctoPayments.Application.Common.RateLimiting;

/// <summary>
/// One of the windows of a given length laid end to end from the Unix epoch: every instance, whenever it started, puts
/// a moment in the same window.
/// </summary>
public readonly record struct FixedWindow(DateTimeOffset Start, TimeSpan Length)
{
    public DateTimeOffset End => Start + Length;

    /// <summary>The window of <paramref name="length"/> that holds <paramref name="moment"/>; a window holds its start, not its end.</summary>
    public static FixedWindow Holding(DateTimeOffset moment, TimeSpan length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        var sinceEpoch = moment.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return new FixedWindow(DateTimeOffset.UnixEpoch.AddTicks(sinceEpoch - (sinceEpoch % length.Ticks)), length);
    }
}
