using System.Text.RegularExpressions;
using IpoctoPayments.Domain.TopUps;

namespace IpoctoPayments.Domain.Tests.TopUps;

public sealed partial class OrderNumberTests
{
    [GeneratedRegex("^TU-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$")]
    private static partial Regex Format();

    [Fact]
    public void A_new_order_number_is_TU_and_two_groups_of_Crockford_base32()
    {
        Assert.Matches(Format(), OrderNumber.New().Value);
    }

    [Fact]
    public void A_hundred_thousand_new_order_numbers_are_all_different_and_well_formed()
    {
        var numbers = Enumerable.Range(0, 100_000).Select(_ => OrderNumber.New().Value).ToList();

        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
        Assert.All(numbers, n => Assert.Matches(Format(), n));
    }

    [Theory]
    [InlineData("TU-7K3M9-QX2AB", "TU-7K3M9-QX2AB")]
    [InlineData("tu-7k3m9-qx2ab", "TU-7K3M9-QX2AB")]
    [InlineData("TU7K3M9QX2AB", "TU-7K3M9-QX2AB")]
    [InlineData(" TU 7K3M9 QX2AB ", "TU-7K3M9-QX2AB")]
    [InlineData("TU-7K3M9-QXZAO", "TU-7K3M9-QXZA0")]
    [InlineData("TU-IK3M9-QX2AL", "TU-1K3M9-QX2A1")]
    public void An_order_number_is_read_as_a_customer_may_type_it(string typed, string expected)
    {
        Assert.Equal(expected, OrderNumber.Parse(typed).Value.Value);
    }

    [Theory]
    [InlineData("TU-7K3M9-QX2A")]
    [InlineData("TU-7K3M9-QX2ABC")]
    [InlineData("TX-7K3M9-QX2AB")]
    [InlineData("TU-7K3M9-QX2AU")]
    [InlineData("TU-7K3M9-QX2A*")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_an_order_number(string? typed)
    {
        Assert.Equal("invalid_order_number", OrderNumber.Parse(typed).Error!.Code);
    }

    [Fact]
    public void A_new_order_number_reads_back_as_itself()
    {
        var number = OrderNumber.New();

        Assert.Equal(number, OrderNumber.Parse(number.Value).Value);
    }
}
