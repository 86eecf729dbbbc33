namespace IpoctoPayments.Domain.Common;

/// <summary>The payment partners of the guide.</summary>
public enum PaymentProvider
{
    Stripe = 1,
    PayerMax = 2,
}
