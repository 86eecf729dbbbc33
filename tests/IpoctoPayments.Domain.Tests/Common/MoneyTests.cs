using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Tests.Common;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("20.00", "USD", 2000)]
    [InlineData("20", "USD", 2000)]
    [InlineData("20.5", "USD", 2050)]
    [InlineData("0.01", "USD", 1)]
    [InlineData("0", "USD", 0)]
    [InlineData("500", "JPY", 500)]
    [InlineData("1000", "KRW", 1000)]
    [InlineData("15000.50", "IDR", 1500050)]
    [InlineData("1.250", "KWD", 1250)]
    [InlineData("1.25", "BHD", 1250)]
    [InlineData("7", "OMR", 7000)]
    [InlineData("20.00", "usd", 2000)]
    public void A_major_unit_amount_is_read_exactly_into_minor_units(string amount, string currency, long minorUnits)
    {
        var money = Money.Parse(amount, currency);

        Assert.True(money.IsSuccess);
        Assert.Equal(minorUnits, money.Value.MinorUnits);
    }

    [Theory]
    [InlineData("20.005", "USD")]
    [InlineData("500.5", "JPY")]
    [InlineData("1.0", "KRW")]
    [InlineData("1.2345", "KWD")]
    public void More_decimals_than_the_currency_has_is_an_error_not_a_rounding(string amount, string currency)
    {
        var money = Money.Parse(amount, currency);

        Assert.False(money.IsSuccess);
        Assert.Equal("invalid_amount", money.Error!.Code);
    }

    [Theory]
    [InlineData("1,000")]
    [InlineData("-5.00")]
    [InlineData("+5")]
    [InlineData(" 5")]
    [InlineData("5.")]
    [InlineData(".5")]
    [InlineData("1e3")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("٥")]
    [InlineData("99999999999999999999")]
    public void Anything_but_a_plain_decimal_is_refused(string? amount)
    {
        Assert.Equal("invalid_amount", Money.Parse(amount, "USD").Error!.Code);
    }

    [Fact]
    public void An_unknown_currency_is_refused()
    {
        Assert.Equal("currency_not_supported", Money.Parse("20.00", "XYZ").Error!.Code);
    }

    [Theory]
    [InlineData(2000, "USD", "20.00")]
    [InlineData(5, "USD", "0.05")]
    [InlineData(0, "USD", "0.00")]
    [InlineData(500, "JPY", "500")]
    [InlineData(1250, "KWD", "1.250")]
    [InlineData(1, "BHD", "0.001")]
    public void Money_formats_back_with_exactly_the_currency_decimals(long minorUnits, string currency, string text)
    {
        var money = Money.FromMinorUnits(minorUnits, Currency.FromCode(currency).Value).Value;

        Assert.Equal(text, money.ToMajorUnitString());
        Assert.Equal($"{text} {currency}", money.ToString());
    }

    [Fact]
    public void Parsing_the_formatted_amount_gives_the_same_money()
    {
        foreach (var currency in Currency.All)
        {
            var money = Money.FromMinorUnits(123456789, currency).Value;
            Assert.Equal(money, Money.Parse(money.ToMajorUnitString(), currency).Value);
        }
    }

    [Fact]
    public void Amounts_add_and_subtract_within_one_currency()
    {
        var twenty = Money.Parse("20.00", "USD").Value;
        var five = Money.Parse("5.00", "USD").Value;

        Assert.Equal(Money.Parse("25.00", "USD").Value, twenty.Add(five).Value);
        Assert.Equal(Money.Parse("15.00", "USD").Value, twenty.Subtract(five).Value);
    }

    [Fact]
    public void Amounts_in_different_currencies_do_not_mix()
    {
        var usd = Money.Parse("20.00", "USD").Value;
        var eur = Money.Parse("20.00", "EUR").Value;

        Assert.Equal("currency_mismatch", usd.Add(eur).Error!.Code);
        Assert.Equal("currency_mismatch", usd.Subtract(eur).Error!.Code);
    }

    [Fact]
    public void Money_never_goes_negative()
    {
        var five = Money.Parse("5.00", "USD").Value;
        var twenty = Money.Parse("20.00", "USD").Value;

        Assert.Equal("insufficient_amount", five.Subtract(twenty).Error!.Code);
        Assert.Equal("invalid_amount", Money.FromMinorUnits(-1, Currency.Usd).Error!.Code);
    }

    [Fact]
    public void Adding_past_the_largest_amount_is_an_error_not_an_overflow()
    {
        var huge = Money.FromMinorUnits(long.MaxValue, Currency.Usd).Value;

        Assert.Equal("invalid_amount", huge.Add(Money.FromMinorUnits(1, Currency.Usd).Value).Error!.Code);
    }

    [Theory]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("VND", 0)]
    [InlineData("IDR", 2)]
    [InlineData("USD", 2)]
    [InlineData("PHP", 2)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("JOD", 3)]
    [InlineData("OMR", 3)]
    [InlineData("TND", 3)]
    [InlineData("LYD", 3)]
    [InlineData("IQD", 3)]
    public void Currencies_carry_their_ISO_4217_exponent(string code, int exponent)
    {
        Assert.Equal(exponent, Currency.FromCode(code).Value.Exponent);
    }
}
