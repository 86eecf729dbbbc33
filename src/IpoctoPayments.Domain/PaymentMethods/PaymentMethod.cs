using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.PaymentMethods;

/// <summary>
/// One method a provider offers in one country. <see cref="Code"/> is ipocto's name for it, unique per provider;
/// <see cref="ProviderType"/> and <see cref="TargetOrg"/> are what the gateway sends (PayerMax's paymentMethodType and targetOrg,
/// Stripe's payment method type).
/// </summary>
public sealed record PaymentMethod(
    PaymentProvider Provider,
    CountryCode Country,
    string Code,
    string DisplayName,
    PaymentMethodKind Kind,
    PaymentFlow Flow,
    string ProviderType,
    string? TargetOrg,
    IReadOnlyList<Currency> Currencies,
    IReadOnlyList<Money> Minimums,
    IReadOnlyList<Money> Maximums,
    bool Refundable)
{
    public bool Accepts(Currency currency) => Currencies.Contains(currency);

    public Money? MinimumFor(Currency currency) => Minimums.FirstOrDefault(m => m.Currency == currency);

    public Money? MaximumFor(Currency currency) => Maximums.FirstOrDefault(m => m.Currency == currency);
}
