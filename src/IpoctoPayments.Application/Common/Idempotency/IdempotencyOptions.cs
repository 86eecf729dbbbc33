namespace IpoctoPayments.Application.Common.Idempotency;

/// <summary>How long callers' keys live, and how long a running request holds one (configuration section <c>Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>A key and its first answer are kept this long (Stripe's: 24 hours); after that the key may name a new request.</summary>
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// A running request holds its key this long; a retry meanwhile is answered 409. Past it, the request is taken to have
    /// stopped (its instance crashed) and a retry runs it again. Longer than a provider call with all its retries.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often expired keys are removed; zero turns the cleanup off.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
