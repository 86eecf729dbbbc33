namespace IpoctoPayments.Infrastructure.Providers.Stripe;

/// <summary>The metadata keys this service puts on Stripe objects so that their events find their order and refund.</summary>
internal static class StripeMetadata
{
    public const string TopUpId = "topup_id";
    public const string OrderNumber = "order_number";
    public const string AccountId = "account_id";
    public const string RefundId = "refund_id";
}
