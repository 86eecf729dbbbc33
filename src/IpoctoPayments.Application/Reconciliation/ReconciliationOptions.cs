namespace IpoctoPayments.Application.Reconciliation;

/// <summary>The <c>Reconciliation</c> section.</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    /// <summary>How often the background job runs; zero turns it off (the admin endpoint still runs it on demand).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after an order failed or expired a late capture is still looked for.</summary>
    public TimeSpan ClosedOrdersWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How far back each run lists the providers' disputes (where a provider can list them) for one whose webhooks never
    /// came; a run every <see cref="Interval"/> needs little more than that, the rest is margin for runs that did not happen.
    /// </summary>
    public TimeSpan DisputeLookback { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How many orders one run checks at most.</summary>
    public int BatchSize { get; set; } = 200;
}
