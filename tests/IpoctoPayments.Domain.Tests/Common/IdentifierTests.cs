using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Tests.Common;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("acc-42")]
    [InlineData("A_1")]
    public void An_account_id_of_safe_characters_is_accepted(string value)
    {
        Assert.Equal(value, AccountId.Parse(value).Value.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("acc 42")]
    [InlineData("acc:42")]
    public void An_account_id_with_other_characters_is_refused(string? value)
    {
        Assert.Equal("invalid_account_id", AccountId.Parse(value).Error!.Code);
    }

    [Fact]
    public void An_account_id_is_at_most_64_characters()
    {
        Assert.True(AccountId.Parse(new string('a', 64)).IsSuccess);
        Assert.False(AccountId.Parse(new string('a', 65)).IsSuccess);
    }

    [Theory]
    [InlineData("ph", "PH")]
    [InlineData("US", "US")]
    public void A_country_is_a_two_letter_code_in_capitals(string value, string expected)
    {
        Assert.Equal(expected, CountryCode.Parse(value).Value.Value);
    }

    [Theory]
    [InlineData("USA")]
    [InlineData("1A")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_country(string? value)
    {
        Assert.Equal("invalid_country", CountryCode.Parse(value).Error!.Code);
    }
}
