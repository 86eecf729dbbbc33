namespace IpoctoPayments.Infrastructure.Providers;

/// <summary>
/// The <c>ProviderResilience</c> section: how calls to Stripe and PayerMax are timed out, retried and cut off when a
/// provider is down. Every wait runs on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class ProviderResilienceOptions
{
    public const string Section = "ProviderResilience";

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Attempts after the first; a Stripe retry carries the same idempotency key, and PayerMax is not asked again after a timeout.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The wait before the first retry; it doubles (with jitter) for each further one.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The share of failed attempts within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>The fewest attempts within <see cref="SamplingDuration"/> before the ratio counts.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit answers "unavailable" at once before it lets one attempt through.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
