namespace IpoctoPayments.Simulator.Core;

/// <summary>The providers' names as the control API, deliveries and faults spell them.</summary>
public static class ProviderNames
{
    public const string Stripe = "stripe";
    public const string PayerMax = "payermax";
}
