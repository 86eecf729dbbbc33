namespace IpoctoPayments.Application.Common.Outbox;

/// <summary>How one outbox's calls are sent to the providers; each outbox binds its own configuration section.</summary>
public abstract class OutboxDispatchOptions
{
    /// <summary>How often each instance looks for calls to make; zero turns the background dispatcher off.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an instance holds a call it is making. Longer than a provider call with all its retries may take, so two
    /// instances do not make one call at once; an instance that dies holds it no longer than this.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the first failed send; it doubles with each failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many calls one pass makes at most.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>The wait before the next send after <paramref name="failedAttempts"/> earlier ones failed and this one too.</summary>
    public TimeSpan RetryDelayAfter(int failedAttempts)
    {
        var delay = RetryDelay * Math.Pow(2, Math.Clamp(failedAttempts, 0, 20));
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
