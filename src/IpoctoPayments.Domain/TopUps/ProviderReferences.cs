namespace IpoctoPayments.Domain.TopUps;

/// <summary>
/// The provider's names for this order: Stripe's Checkout Session and PaymentIntent ids, PayerMax's trade token.
/// The order number itself is what ipocto sends as client_reference_id / outTradeNo.
/// </summary>
public sealed record ProviderReferences(string? SessionId = null, string? TradeToken = null, string? PaymentIntentId = null)
{
    public static ProviderReferences None { get; } = new();

    public bool IsEmpty => SessionId is null && TradeToken is null && PaymentIntentId is null;

    /// <summary>True when every reference <paramref name="other"/> names is already known with the same value.</summary>
    public bool Contains(ProviderReferences other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Merge(other) == this && other.Merge(this) == this;
    }

    /// <summary>Fills the blanks from <paramref name="other"/>; a reference once known is never replaced.</summary>
    public ProviderReferences Merge(ProviderReferences other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(SessionId ?? other.SessionId, TradeToken ?? other.TradeToken, PaymentIntentId ?? other.PaymentIntentId);
    }

    public override string ToString() =>
        string.Join(", ", new[] { SessionId, TradeToken, PaymentIntentId }.Where(r => r is not null));
}
