namespace IpoctoPayments.Application.Refunds;

/// <summary>The <c>RefundDispatch</c> section: how refunds recorded by the service are sent to the providers.</summary>
public sealed class RefundDispatchOptions
{
    public const string Section = "RefundDispatch";

    /// <summary>How often each instance looks for refunds to send; zero turns the background dispatcher off.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an instance holds a refund it is sending. Longer than a provider call with all its retries may take, so
    /// two instances do not send one refund at once; an instance that dies holds it no longer than this.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The wait after the first failed send; it doubles with each failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many refunds one pass sends at most.</summary>
    public int BatchSize { get; set; } = 50;
}
