namespace IpoctoPayments.Infrastructure.Providers.Stripe;

/// <summary>The <c>Stripe</c> section.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>The secret key (<c>sk_test_…</c> or <c>sk_live_…</c>); from user secrets or the environment.</summary>
    public string SecretKey { get; set; } = "";

    /// <summary>Another API base, such as the simulator's; Stripe's own when empty.</summary>
    public string? ApiBase { get; set; }

    /// <summary>The signing secret of this service's webhook endpoint (<c>whsec_…</c>).</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>How far a webhook's signed timestamp may be from now, as Stripe advises (5 minutes).</summary>
    public long WebhookToleranceSeconds { get; set; } = 300;
}
