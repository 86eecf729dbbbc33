using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.PaymentMethods;
using IpoctoPayments.Domain.Support;
using IpoctoPayments.Domain.TopUps;
using static IpoctoPayments.Domain.Tests.Orders;

namespace IpoctoPayments.Domain.Tests.TopUps;

public sealed class TopUpOrderCreationTests
{
    private static readonly CountryCode Philippines = CountryCode.Parse("PH").Value;

    private static PaymentMethod Gcash =>
        PaymentMethodCatalogue.Default.Methods.Single(m => m.Provider == PaymentProvider.PayerMax && m.Code == "gcash");

    [Fact]
    public void A_new_top_up_awaits_payment_and_says_so_on_its_timeline()
    {
        var order = New("20.00");

        Assert.Equal(TopUpStatus.AwaitingPayment, order.Status);
        Assert.Equal(Usd("20.00"), order.Credit);
        Assert.Equal(order.Credit, order.Charge);
        Assert.Null(order.ExchangeRate);
        Assert.Equal(T0, order.CreatedAt);
        Assert.Equal(1, order.Version);
        var created = Assert.Single(order.Timeline);
        Assert.Equal(TimelineEntryKind.Created, created.Kind);
        Assert.Contains(order.Number.Value, created.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_order_id_is_a_version_7_guid_from_the_creation_time()
    {
        var order = New();

        Assert.Equal(7, order.Id.Version);
        Assert.Equal(Guid.CreateVersion7(T0).ToString()[..13], order.Id.ToString()[..13]);
    }

    [Fact]
    public void A_top_up_paid_in_another_currency_locks_the_rate_and_the_converted_charge()
    {
        var order = TopUpOrder.Create(OrderNumber.New(), Account, PaymentProvider.PayerMax, Philippines, Usd("20.00"), UsdToPhp("58.25"), Gcash, T0).Value;

        Assert.Equal(Php("1165.00"), order.Charge);
        Assert.Equal("58.25", order.ExchangeRate!.Rate);
        Assert.Equal("gcash", order.PaymentMethodCode);
        Assert.Equal(PaymentMethodKind.Wallet, order.PaymentMethodKind);
    }

    [Fact]
    public void A_zero_top_up_is_refused()
    {
        var result = TopUpOrder.Create(OrderNumber.New(), Account, PaymentProvider.Stripe, Philippines, Usd("0"), null, null, T0);

        Assert.Equal("invalid_amount", result.Error!.Code);
    }

    [Fact]
    public void A_top_up_that_converts_to_nothing_is_refused()
    {
        var rate = ExchangeRate.Parse(Currency.Usd, Currency.FromCode("KWD").Value, "0.0001").Value;

        var result = TopUpOrder.Create(OrderNumber.New(), Account, PaymentProvider.PayerMax, Philippines, Usd("0.01"), rate, null, T0);

        Assert.Equal("invalid_amount", result.Error!.Code);
    }

    [Fact]
    public void A_rate_from_another_currency_than_the_credit_is_refused()
    {
        var eurToPhp = ExchangeRate.Parse(Currency.FromCode("EUR").Value, Php("0").Currency, "63").Value;

        var result = TopUpOrder.Create(OrderNumber.New(), Account, PaymentProvider.PayerMax, Philippines, Usd("20.00"), eurToPhp, null, T0);

        Assert.Equal("currency_mismatch", result.Error!.Code);
    }

    [Fact]
    public void A_method_of_another_provider_or_country_is_refused()
    {
        var result = TopUpOrder.Create(OrderNumber.New(), Account, PaymentProvider.Stripe, Philippines, Usd("20.00"), UsdToPhp("58.25"), Gcash, T0);

        Assert.Equal("payment_method_unavailable", result.Error!.Code);
    }

    [Fact]
    public void A_method_that_does_not_take_the_charge_currency_is_refused()
    {
        var result = TopUpOrder.Create(OrderNumber.New(), Account, PaymentProvider.PayerMax, Philippines, Usd("20.00"), null, Gcash, T0);

        Assert.Equal("currency_not_supported", result.Error!.Code);
    }
}
