using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Disputes;

/// <summary>Where a merchant answers a provider's dispute.</summary>
public static class DisputeAnswers
{
    /// <summary>
    /// Whether the provider takes evidence and acceptance through its API. Stripe does (dispute update and close); PayerMax
    /// publishes no such API: its merchants answer a chargeback case in the merchant portal (MMC).
    /// </summary>
    public static bool ByApi(PaymentProvider provider) => provider == PaymentProvider.Stripe;
}
