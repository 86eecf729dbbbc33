namespace IpoctoPayments.Application.TopUps;

/// <summary>The <c>Disputes</c> section.</summary>
public sealed class DisputeOptions
{
    public const string Section = "Disputes";

    /// <summary>
    /// How long after a provider created a dispute event it is redelivered while its payment is not known here as paid
    /// (the payment's own event is late, or the dispute is another integration's). After that it is acknowledged and left.
    /// </summary>
    public TimeSpan WaitForPayment { get; set; } = TimeSpan.FromHours(1);
}
