namespace IpoctoPayments.Simulator.Core;

/// <summary>The <c>Simulator</c> configuration section.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    /// <summary>Base address written into hosted-page URLs; when empty, the address of the request that created the page.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Seed for generated ids, so a test run can reproduce them.</summary>
    public int? Seed { get; set; }

    /// <summary>Run due jobs (webhook attempts, delayed captures) in the background; tests may instead call <see cref="SimulatorScheduler.RunDueAsync"/>.</summary>
    public bool RunScheduler { get; set; } = true;

    /// <summary>
    /// How many due jobs (webhook attempts above all) may run at once. 1, the default, runs them one by one in due order;
    /// more sends webhooks in parallel and in no promised order, as Stripe and PayerMax do under load.
    /// </summary>
    public int ConcurrentJobs { get; set; } = 1;

    /// <summary>How long one webhook attempt may take before it counts as a timeout.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a "timeout" outage holds a response before giving up on it.</summary>
    public TimeSpan OutageTimeout { get; set; } = TimeSpan.FromSeconds(100);

    public StripeSimulatorOptions Stripe { get; set; } = new();

    public PayerMaxSimulatorOptions PayerMax { get; set; } = new();
}

public sealed class StripeSimulatorOptions
{
    /// <summary>When set, the only secret key accepted; otherwise any key starting <c>sk_test_</c>.</summary>
    public string? SecretKey { get; set; }

    public string PublishableKey { get; set; } = "pk_test_ipocto_simulator";

    public List<StripeWebhookEndpointOptions> WebhookEndpoints { get; set; } = [];

    /// <summary>How long a dispute stays under review after evidence is submitted before the magic evidence decides it.</summary>
    public TimeSpan DisputeDecisionDelay { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class StripeWebhookEndpointOptions
{
    public string Url { get; set; } = "";

    /// <summary>The signing secret (<c>whsec_…</c>); generated at start when empty.</summary>
    public string? Secret { get; set; }

    /// <summary>Event types sent to this endpoint; empty or <c>*</c> means all.</summary>
    public List<string> Events { get; set; } = [];

    public bool Accepts(string eventType) =>
        Events.Count == 0 || Events.Contains("*") || Events.Contains(eventType, StringComparer.Ordinal);
}

public sealed class PayerMaxSimulatorOptions
{
    public string AppId { get; set; } = "ipocto_sim_app";

    public string MerchantNo { get; set; } = "SIM010000000001";

    /// <summary>The merchant's public key (base64 X.509 SubjectPublicKeyInfo) that request signatures are verified with.</summary>
    public string? MerchantPublicKey { get; set; }

    /// <summary>Filled only when the merchant key pair was generated at start, so a local client can sign with it.</summary>
    public string? GeneratedMerchantPrivateKey { get; set; }

    /// <summary>The simulator's own signing key (base64 PKCS#8); generated at start when empty.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Notification address used when an order names none.</summary>
    public string? NotifyUrl { get; set; }

    /// <summary>Refund notification address used when a refund names none.</summary>
    public string? RefundNotifyUrl { get; set; }

    /// <summary>Chargeback notification address; when empty, <see cref="NotifyUrl"/>, else the order's own notifyUrl.</summary>
    public string? ChargebackNotifyUrl { get; set; }
}
