using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Tests.Common;

/// <summary>
/// What a customer is told to enter for a method's range in another currency: the least (or most) credit whose charge,
/// converted and rounded as the provider takes it, meets the bound — and one cent less (or more) would not.
/// </summary>
public sealed class ChargeConversionProperties
{
    private static readonly Currency Usd = Currency.Usd;

    [Property(MaxTest = 2000, Arbitrary = [typeof(Generators)])]
    public void The_least_credit_reaches_the_charge_and_a_cent_less_does_not(Case sample)
    {
        var (conversion, charge) = sample.Unpack();

        var least = conversion.LeastCreditFor(charge);

        Assert.True(ChargeOf(conversion, least.MinorUnits) >= charge.MinorUnits, $"{least} is charged below {charge}");
        Assert.True(least.MinorUnits == 0 || ChargeOf(conversion, least.MinorUnits - 1) < charge.MinorUnits, $"a cent less than {least} still reaches {charge}");
    }

    [Property(MaxTest = 2000, Arbitrary = [typeof(Generators)])]
    public void The_most_credit_stays_within_the_charge_and_a_cent_more_does_not(Case sample)
    {
        var (conversion, charge) = sample.Unpack();

        var most = conversion.MostCreditFor(charge);

        Assert.True(ChargeOf(conversion, most.MinorUnits) <= charge.MinorUnits, $"{most} is charged above {charge}");
        Assert.True(ChargeOf(conversion, most.MinorUnits + 1) > charge.MinorUnits, $"a cent more than {most} still stays within {charge}");
    }

    [Theory]
    [InlineData("0.307", "KWD", 2, "0.010", "0.02", "0.04")]
    [InlineData("0.307", "KWD", 2, "1700.000", "5537.45", "5537.47")]
    [InlineData("16250", "IDR", 0, "10000.00", "0.62", "0.61")]
    [InlineData("56.25", "PHP", 2, "50.00", "0.89", "0.88")]
    public void Known_bounds(string rate, string currency, int decimals, string charge, string least, string most)
    {
        var to = Currency.FromCode(currency).Value;
        var conversion = new ChargeConversion(ExchangeRate.Parse(Usd, to, rate).Value, decimals);
        var bound = Money.Parse(charge, currency).Value;

        Assert.Equal((least, most), (conversion.LeastCreditFor(bound).ToMajorUnitString(), conversion.MostCreditFor(bound).ToMajorUnitString()));
    }

    [Theory]
    [InlineData("0.010", "1.00", "10000.00", "1.00", null)]
    [InlineData("1700.000", "1.00", "5000.00", null, "5000.00")]
    [InlineData("1700.000", "6000.00", "10000.00", "6000.00", null)]
    [InlineData("0.010", "0.01", "10000.00", "0.02", "0.04")]
    public void A_suggestion_stays_within_the_amounts_a_top_up_may_be(string charge, string minimum, string maximum, string? atLeast, string? atMost)
    {
        var kwd = Currency.FromCode("KWD").Value;
        var credits = new CreditRange(Money.Parse(minimum, "USD").Value, Money.Parse(maximum, "USD").Value);
        var conversion = new ChargeConversion(ExchangeRate.Parse(Usd, kwd, "0.307").Value, 2, credits);
        var bound = Money.Parse(charge, "KWD").Value;

        Assert.Equal((atLeast, atMost), (conversion.SuggestAtLeast(bound)?.ToMajorUnitString(), conversion.SuggestAtMost(bound)?.ToMajorUnitString()));
    }

    private static long ChargeOf(ChargeConversion conversion, long cents) =>
        conversion.Convert(Money.FromMinorUnits(cents, Usd).Value).Value.MinorUnits;

    /// <summary>A rate from USD into a 0-, 2- or 3-decimal currency, the decimals the provider takes, and a charge bound.</summary>
    public sealed record Case(long RateUnits, int RateScale, string To, int Decimals, long ChargeUnits)
    {
        public (ChargeConversion, Money) Unpack()
        {
            var to = Currency.FromCode(To).Value;
            var rate = ExchangeRate.Parse(Usd, to, (RateUnits / (decimal)Currency.Pow10(RateScale)).ToString(CultureInfo.InvariantCulture)).Value;
            var step = Currency.Pow10(to.Exponent - Decimals);
            return (new ChargeConversion(rate, Decimals), Money.FromMinorUnits(ChargeUnits * step, to).Value);
        }
    }

    public static class Generators
    {
        public static Arbitrary<Case> Cases() => (
            from scale in Gen.Choose(0, 8)
            from units in Gen.Choose(1, 2_000_000)
            from target in Gen.Elements(("IDR", 0), ("JPY", 0), ("PHP", 2), ("EUR", 2), ("KWD", 2), ("KWD", 3), ("BHD", 3))
            from decimals in Gen.Choose(0, target.Item2)
            from charge in Gen.Choose(0, 10_000_000)
            select new Case(units, scale, target.Item1, decimals, charge)).ToArbitrary();
    }
}
