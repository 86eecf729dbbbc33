using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.PaymentMethods;

namespace IpoctoPayments.Domain.Tests.PaymentMethods;

public sealed class CatalogueTests
{
    private const string GuideWords = "determined by our payment partners based on local regulations and banking support";

    private static readonly PaymentMethodCatalogue Catalogue = PaymentMethodCatalogue.Default;

    private static CountryCode Country(string code) => CountryCode.Parse(code).Value;

    private static Money Amount(string amount, string currency) => Money.Parse(amount, currency).Value;

    private static MethodAvailability Available(string country, string? currency = null, Money? amount = null, PaymentProvider? provider = null) =>
        Catalogue.Available(Country(country), currency is null ? null : Currency.FromCode(currency).Value, amount, provider).Value;

    private static UnavailableMethod Absent(MethodAvailability availability, PaymentProvider provider, string code) =>
        Assert.Single(availability.Unavailable, m => m.Provider == provider && m.Code == code);

    [Theory]
    [InlineData("PH", "PHP", "gcash", PaymentMethodKind.Wallet, PaymentFlow.Redirect, "WALLET", "GCASH")]
    [InlineData("PH", "PHP", "qrph", PaymentMethodKind.RealtimePayment, PaymentFlow.QrCode, "REALTIME_PAYMENT", "QRPH")]
    [InlineData("PH", "PHP", "bill_payment", PaymentMethodKind.BillPayment, PaymentFlow.Redirect, "BILL_PAYMENT", null)]
    [InlineData("ID", "IDR", "dana", PaymentMethodKind.Wallet, PaymentFlow.Redirect, "WALLET", "DANA")]
    [InlineData("ID", "IDR", "linkaja", PaymentMethodKind.Wallet, PaymentFlow.Redirect, "WALLET", "LINKAJA")]
    [InlineData("ID", "IDR", "bca", PaymentMethodKind.BankTransfer, PaymentFlow.QrCode, "BANK_TRANSFER", "BCA")]
    [InlineData("ID", "IDR", "bri", PaymentMethodKind.BankTransfer, PaymentFlow.QrCode, "BANK_TRANSFER", "BRI")]
    [InlineData("SA", "SAR", "stcpay", PaymentMethodKind.Wallet, PaymentFlow.Redirect, "WALLET", "STCPAY")]
    [InlineData("SA", "SAR", "card", PaymentMethodKind.Card, PaymentFlow.Form, "CARD", null)]
    [InlineData("SA", "SAR", "apple_pay", PaymentMethodKind.Wallet, PaymentFlow.Form, "APPLEPAY", null)]
    [InlineData("AE", "AED", "card", PaymentMethodKind.Card, PaymentFlow.Form, "CARD", null)]
    [InlineData("EG", "EGP", "fawry", PaymentMethodKind.OverTheCounter, PaymentFlow.Redirect, "OTC", "FAWRY")]
    [InlineData("EG", "EGP", "vodafone_cash", PaymentMethodKind.Wallet, PaymentFlow.Redirect, "WALLET", "VODAFONE")]
    [InlineData("KW", "KWD", "knet", PaymentMethodKind.Card, PaymentFlow.Redirect, "REDIRECT_CARD", "KNET_DC")]
    [InlineData("KW", "KWD", "card", PaymentMethodKind.Card, PaymentFlow.Form, "CARD", null)]
    [InlineData("BH", "BHD", "card", PaymentMethodKind.Card, PaymentFlow.Form, "CARD", null)]
    [InlineData("SG", "SGD", "paynow", PaymentMethodKind.RealtimePayment, PaymentFlow.QrCode, "REALTIME_PAYMENT", "PAYNOW")]
    [InlineData("BR", "BRL", "pix", PaymentMethodKind.RealtimePayment, PaymentFlow.QrCode, "REALTIME_PAYMENT", "PIX")]
    [InlineData("TW", "TWD", "yushan_bank", PaymentMethodKind.BankTransfer, PaymentFlow.Redirect, "BANK_TRANSFER", "YUSHANBANK")]
    [InlineData("TW", "TWD", "seven_eleven", PaymentMethodKind.OverTheCounter, PaymentFlow.Redirect, "OTC", "7-ELEVEN")]
    public void PayerMax_offers_its_local_methods_per_country(
        string country, string currency, string code, PaymentMethodKind kind, PaymentFlow flow, string providerType, string? targetOrg)
    {
        var method = Assert.Single(Available(country, currency, provider: PaymentProvider.PayerMax).Offered, m => m.Code == code);

        Assert.Equal((kind, flow, providerType, targetOrg), (method.Kind, method.Flow, method.ProviderType, method.TargetOrg));
        Assert.Equal([Currency.FromCode(currency).Value], method.Currencies);
    }

    [Theory]
    [InlineData("US")]
    [InlineData("GB")]
    [InlineData("DE")]
    [InlineData("JP")]
    [InlineData("SG")]
    public void Stripe_offers_cards_Apple_Pay_and_Google_Pay_in_its_countries(string country)
    {
        var offered = Available(country, provider: PaymentProvider.Stripe).Offered.Select(m => m.Code).ToList();

        Assert.Contains("card", offered);
        Assert.Contains("apple_pay", offered);
        Assert.Contains("google_pay", offered);
    }

    [Fact]
    public void WeChat_Pay_is_a_QR_code_and_Alipay_a_redirect()
    {
        var offered = Available("US", "USD", provider: PaymentProvider.Stripe).Offered;

        Assert.Equal(PaymentFlow.QrCode, Assert.Single(offered, m => m.Code == "wechat_pay").Flow);
        Assert.Equal(PaymentFlow.Redirect, Assert.Single(offered, m => m.Code == "alipay").Flow);
        Assert.Equal(PaymentFlow.Form, Assert.Single(offered, m => m.Code == "card").Flow);
    }

    [Fact]
    public void In_China_Stripe_offers_the_Chinese_wallets_but_not_cards()
    {
        var china = Available("CN", "CNY", provider: PaymentProvider.Stripe);

        Assert.Equal(["wechat_pay"], china.Offered.Select(m => m.Code));
        Assert.Equal(UnavailableReason.NotOfferedInCountry, Absent(china, PaymentProvider.Stripe, "card").Reason);
        Assert.Equal(UnavailableReason.CurrencyNotSupported, Absent(china, PaymentProvider.Stripe, "alipay").Reason);
    }

    [Fact]
    public void A_method_of_another_country_is_absent_in_the_guides_words()
    {
        var absent = Absent(Available("PH"), PaymentProvider.PayerMax, "pix");

        Assert.Equal(UnavailableReason.NotOfferedInCountry, absent.Reason);
        Assert.Contains("Pix is not offered in PH", absent.Message, StringComparison.Ordinal);
        Assert.Contains("The available payment methods vary depending on your country/region.", absent.Message, StringComparison.Ordinal);
        Assert.Contains(GuideWords, absent.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provider_that_does_not_serve_the_country_is_said_so()
    {
        var stripeInPhilippines = Available("PH", provider: PaymentProvider.Stripe);

        Assert.Empty(stripeInPhilippines.Offered);
        Assert.All(stripeInPhilippines.Unavailable, m => Assert.Equal(UnavailableReason.ProviderNotServingCountry, m.Reason));
        Assert.Contains("Stripe does not offer payments in PH", stripeInPhilippines.Unavailable[0].Message, StringComparison.Ordinal);
        Assert.Contains(GuideWords, stripeInPhilippines.Unavailable[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_currency_the_method_does_not_take_is_the_reason()
    {
        var absent = Absent(Available("US", "MXN"), PaymentProvider.Stripe, "wechat_pay");

        Assert.Equal(UnavailableReason.CurrencyNotSupported, absent.Reason);
        Assert.Contains("does not accept MXN", absent.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PH", "bill_payment", "49.99", "PHP", UnavailableReason.AmountBelowMinimum, "The minimum amount for Bill payment is 50.00 PHP.")]
    [InlineData("PH", "bill_payment", "50000.01", "PHP", UnavailableReason.AmountAboveMaximum, "The maximum amount for Bill payment is 50000.00 PHP.")]
    [InlineData("EG", "vodafone_cash", "4.99", "EGP", UnavailableReason.AmountBelowMinimum, "The minimum amount for Vodafone Cash is 5.00 EGP.")]
    [InlineData("EG", "vodafone_cash", "60000.01", "EGP", UnavailableReason.AmountAboveMaximum, "The maximum amount for Vodafone Cash is 60000.00 EGP.")]
    [InlineData("AE", "card", "50000.01", "AED", UnavailableReason.AmountAboveMaximum, "The maximum amount for Card (Visa, Mastercard) is 50000.00 AED.")]
    [InlineData("KW", "card", "1700.001", "KWD", UnavailableReason.AmountAboveMaximum, "The maximum amount for Card (KNET) is 1700.000 KWD.")]
    [InlineData("BH", "card", "2100.001", "BHD", UnavailableReason.AmountAboveMaximum, "The maximum amount for Card (Benefit) is 2100.000 BHD.")]
    public void An_amount_outside_a_methods_limits_is_the_reason_with_the_limit(
        string country, string code, string amount, string currency, UnavailableReason reason, string message)
    {
        var absent = Absent(Available(country, amount: Amount(amount, currency)), PaymentProvider.PayerMax, code);

        Assert.Equal((reason, message), (absent.Reason, absent.Message));
    }

    [Theory]
    [InlineData("PH", "bill_payment", "50", "PHP")]
    [InlineData("PH", "bill_payment", "50000", "PHP")]
    [InlineData("EG", "vodafone_cash", "5", "EGP")]
    [InlineData("AE", "card", "0.01", "AED")]
    [InlineData("KW", "card", "1700", "KWD")]
    public void An_amount_on_a_limit_is_accepted(string country, string code, string amount, string currency)
    {
        Assert.Contains(Available(country, amount: Amount(amount, currency)).Offered, m => m.Code == code);
    }

    [Fact]
    public void Stripe_cards_have_the_minimum_charge_of_the_currency()
    {
        var absent = Absent(Available("US", amount: Amount("0.49", "USD")), PaymentProvider.Stripe, "card");

        Assert.Equal("The minimum amount for Credit or debit card (Visa, Mastercard, American Express) is 0.50 USD.", absent.Message);
    }

    [Fact]
    public void Every_method_is_either_offered_or_explained_once()
    {
        var availability = Available("SA", "SAR", Amount("100", "SAR"));
        var everyMethod = Catalogue.Methods.Select(m => (m.Provider, m.Code)).Distinct().Order().ToList();

        var answered = availability.Offered.Select(m => (m.Provider, m.Code))
            .Concat(availability.Unavailable.Select(m => (m.Provider, m.Code))).Order().ToList();

        Assert.Equal(everyMethod, answered);
        Assert.Equal(["stcpay", "card", "apple_pay"], availability.Offered.Select(m => m.Code));
    }

    [Fact]
    public void An_amount_in_another_currency_than_asked_is_refused()
    {
        var result = Catalogue.Available(Country("PH"), Currency.FromCode("PHP").Value, Amount("20.00", "USD"));

        Assert.Equal("currency_mismatch", result.Error!.Code);
    }

    [Fact]
    public void Each_method_is_listed_once_per_provider_and_country()
    {
        var keys = Catalogue.Methods.Select(m => (m.Provider, m.Country.Value, m.Code)).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void PayerMax_cannot_refund_the_Egyptian_methods()
    {
        Assert.All(Available("EG").Offered, m => Assert.False(m.Refundable));
        Assert.All(Available("PH").Offered, m => Assert.True(m.Refundable));
    }

    [Fact]
    public void A_chosen_method_is_found_when_it_may_be_used()
    {
        var gcash = Catalogue.Find(PaymentProvider.PayerMax, Country("PH"), "gcash", Amount("100", "PHP"));

        Assert.Equal("GCash", gcash.Value.DisplayName);
    }

    [Theory]
    [InlineData("ID", "gcash", "100", "IDR", "payment_method_unavailable")]
    [InlineData("PH", "gcash", "100", "USD", "currency_not_supported")]
    [InlineData("PH", "bill_payment", "10", "PHP", "amount_out_of_range")]
    [InlineData("PH", "paypal", "10", "PHP", "payment_method_unknown")]
    public void A_chosen_method_that_cannot_be_used_is_refused_with_its_reason(string country, string code, string amount, string currency, string error)
    {
        Assert.Equal(error, Catalogue.Find(PaymentProvider.PayerMax, Country(country), code, Amount(amount, currency)).Error!.Code);
    }
}
