using IpoctoPayments.Domain.Common;
using static IpoctoPayments.Domain.PaymentMethods.CatalogueData;

namespace IpoctoPayments.Domain.PaymentMethods;

/// <summary>Stripe's methods (reference/stripe.md): cards with Apple Pay and Google Pay broadly, WeChat Pay and Alipay in their currencies.</summary>
internal static class StripeMethods
{
    // The Europe/Americas/Asia-Pacific countries ipocto serves through Stripe.
    private static readonly CountryCode[] CardCountries =
        Countries("US CA MX GB IE DE FR NL BE ES IT PT AT CH DK NO SE FI AU NZ JP SG HK MY");

    // WeChat Pay and Alipay payers are mostly in mainland China, which Stripe serves for these wallets only.
    private static readonly CountryCode[] ChineseWalletCountries = [.. CardCountries, Country("CN")];

    private static readonly Currency[] CardCurrencies = Currencies("USD EUR GBP CAD MXN AUD NZD JPY SGD HKD CHF DKK NOK SEK MYR CNY");

    // Stripe's minimum charge per currency (docs.stripe.com/currencies, "Minimum and maximum charge amounts").
    private static readonly Money[] Minimums =
    [
        Amount("0.50", "USD"), Amount("0.50", "EUR"), Amount("0.30", "GBP"), Amount("0.50", "CAD"), Amount("10", "MXN"),
        Amount("0.50", "AUD"), Amount("0.50", "NZD"), Amount("50", "JPY"), Amount("0.50", "SGD"), Amount("4", "HKD"),
        Amount("0.50", "CHF"), Amount("2.50", "DKK"), Amount("3", "NOK"), Amount("3", "SEK"), Amount("2", "MYR"),
    ];

    // Stripe's amount field takes at most eight digits of minor units.
    private static readonly Money[] Maximums = [.. CardCurrencies.Select(c => Money.FromMinorUnits(99_999_999, c).Value)];

    public static IEnumerable<PaymentMethod> All() =>
    [
        .. Offer(CardCountries, "card", "Credit or debit card (Visa, Mastercard, American Express)", PaymentMethodKind.Card, PaymentFlow.Form, "card", CardCurrencies),
        .. Offer(CardCountries, "apple_pay", "Apple Pay", PaymentMethodKind.Wallet, PaymentFlow.Form, "card", CardCurrencies),
        .. Offer(CardCountries, "google_pay", "Google Pay", PaymentMethodKind.Wallet, PaymentFlow.Form, "card", CardCurrencies),
        .. Offer(ChineseWalletCountries, "wechat_pay", "WeChat Pay", PaymentMethodKind.Wallet, PaymentFlow.QrCode, "wechat_pay",
            Currencies("AUD CAD CNY EUR GBP HKD JPY SGD USD DKK NOK SEK CHF")),
        .. Offer(ChineseWalletCountries, "alipay", "Alipay", PaymentMethodKind.Wallet, PaymentFlow.Redirect, "alipay",
            Currencies("AUD CAD EUR GBP HKD JPY NZD SGD USD MYR")),
    ];

    private static IEnumerable<PaymentMethod> Offer(
        CountryCode[] countries, string code, string name, PaymentMethodKind kind, PaymentFlow flow, string providerType, Currency[] currencies) =>
        countries.Select(country => new PaymentMethod(
            PaymentProvider.Stripe, country, code, name, kind, flow, providerType, TargetOrg: null, currencies,
            [.. Minimums.Where(m => currencies.Contains(m.Currency))],
            [.. Maximums.Where(m => currencies.Contains(m.Currency))],
            Refundable: true));
}
