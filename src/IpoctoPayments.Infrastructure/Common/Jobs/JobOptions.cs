namespace IpoctoPayments.Infrastructure.Common.Jobs;

/// <summary>The <c>Jobs</c> section: how the instances share the background jobs.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// How long an instance holds a job it runs without renewing (it renews every third of this while it runs). An
    /// instance that dies holds its job no longer than this; then another takes the pass over.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);
}
