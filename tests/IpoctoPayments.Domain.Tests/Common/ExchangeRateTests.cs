using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Tests.Common;

public sealed class ExchangeRateTests
{
    private static Currency C(string code) => Currency.FromCode(code).Value;

    private static Money Convert(string from, string to, string rate, string amount) =>
        ExchangeRate.Parse(C(from), C(to), rate).Value.Convert(Money.Parse(amount, from).Value).Value;

    [Theory]
    [InlineData("USD", "PHP", "58.25", "20.00", "1165.00")]
    [InlineData("USD", "JPY", "151.37", "20.00", "3027")]
    [InlineData("USD", "KWD", "0.3072", "20.00", "6.144")]
    [InlineData("KWD", "USD", "3.2552", "1.000", "3.26")]
    [InlineData("USD", "IDR", "15873.5", "1.00", "15873.50")]
    public void Conversion_uses_the_exact_rate_and_the_target_currency_precision(string from, string to, string rate, string amount, string expected)
    {
        Assert.Equal(Money.Parse(expected, to).Value, Convert(from, to, rate, amount));
    }

    [Theory]
    [InlineData("USD", "IDR", "15873.5", "1.00", 0, "15874.00")]
    [InlineData("USD", "IDR", "16250", "10.01", 0, "162662.00")]
    [InlineData("USD", "KWD", "0.3072", "12.34", 2, "3.790")]
    [InlineData("USD", "KWD", "0.3072", "12.34", 3, "3.791")]
    public void Conversion_to_fewer_decimals_than_the_currency_has_rounds_half_to_even_there(string from, string to, string rate, string amount, int decimals, string expected)
    {
        var converted = ExchangeRate.Parse(C(from), C(to), rate).Value.Convert(Money.Parse(amount, from).Value, decimals).Value;

        Assert.Equal(Money.Parse(expected, to).Value, converted);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Conversion_to_more_decimals_than_the_currency_has_is_refused(int decimals)
    {
        var converted = ExchangeRate.Parse(C("USD"), C("IDR"), "16250").Value.Convert(Money.Parse("1.00", "USD").Value, decimals);

        Assert.Equal("invalid_precision", converted.Error?.Code);
    }

    [Theory]
    // 0.01 × 0.5 = 0.005 → 0.00 (even), 0.03 × 0.5 = 0.015 → 0.02 (even), 0.05 × 0.5 = 0.025 → 0.02 (even)
    [InlineData("0.01", "0.00")]
    [InlineData("0.03", "0.02")]
    [InlineData("0.05", "0.02")]
    [InlineData("0.07", "0.04")]
    public void A_half_minor_unit_rounds_to_the_even_neighbour(string amount, string expected)
    {
        Assert.Equal(Money.Parse(expected, "EUR").Value, Convert("USD", "EUR", "0.5", amount));
    }

    [Theory]
    [InlineData("0.33", "0.02", "0.01")] // 0.0066 → 0.01
    [InlineData("0.33", "0.01", "0.00")] // 0.0033 → 0.00
    public void Less_or_more_than_half_rounds_to_the_nearest(string rate, string amount, string expected)
    {
        Assert.Equal(Money.Parse(expected, "EUR").Value, Convert("USD", "EUR", rate, amount));
    }

    [Fact]
    public void A_rate_is_kept_as_its_decimal_string_without_trailing_zeros()
    {
        var rate = ExchangeRate.Parse(C("USD"), C("PHP"), "58.2500").Value;

        Assert.Equal("58.25", rate.Rate);
        Assert.Equal(ExchangeRate.Parse(C("USD"), C("PHP"), "58.25").Value, rate);
        Assert.Equal("1 USD = 58.25 PHP", rate.ToString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1.5")]
    [InlineData("1,5")]
    [InlineData("1.12345678901")]
    [InlineData("")]
    public void A_rate_must_be_a_positive_plain_decimal(string rate)
    {
        Assert.False(ExchangeRate.Parse(C("USD"), C("PHP"), rate).IsSuccess);
    }

    [Fact]
    public void A_rate_needs_two_different_currencies()
    {
        Assert.Equal("invalid_exchange_rate", ExchangeRate.Parse(C("USD"), C("USD"), "1").Error!.Code);
    }

    [Fact]
    public void A_rate_converts_only_its_source_currency()
    {
        var rate = ExchangeRate.Parse(C("USD"), C("PHP"), "58.25").Value;

        Assert.Equal("currency_mismatch", rate.Convert(Money.Parse("1.00", "EUR").Value).Error!.Code);
    }

    [Fact]
    public void A_conversion_too_large_for_the_target_is_an_error()
    {
        var rate = ExchangeRate.Parse(C("KWD"), C("IDR"), "50000").Value;

        Assert.Equal("invalid_amount", rate.Convert(Money.FromMinorUnits(long.MaxValue / 10, C("KWD")).Value).Error!.Code);
    }
}
