using IpoctoPayments.Api.TopUps;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Api.Tests;

/// <summary>The return-address rule on its own: the request validator with several console origins, and the check of the setting at start.</summary>
public sealed class ReturnOriginTests
{
    private static readonly CreateTopUpRequestValidator Validator = new(Options.Create(new ReturnOriginOptions
    {
        ReturnOrigins = ["https://console.ipocto.com", "http://127.0.0.1:5080/"],
    }));

    [Theory]
    [InlineData("https://console.ipocto.com/billing/topups")]
    [InlineData("https://console.ipocto.com:443/")]
    [InlineData("HTTPS://Console.Ipocto.COM/topups")]
    [InlineData("http://127.0.0.1:5080/")]
    public void A_page_under_a_configured_origin_is_taken(string returnUrl)
    {
        Assert.Empty(Validator.Validate(Request(returnUrl)).Errors);
    }

    [Theory]
    [InlineData("https://console.ipocto.com.evil.example/")]
    [InlineData("https://console.ipocto.com@evil.example/")]
    [InlineData("https://me@console.ipocto.com/")]
    [InlineData("http://console.ipocto.com/")]
    [InlineData("https://console.ipocto.com:8443/")]
    [InlineData("http://127.0.0.1:5081/")]
    [InlineData("https://127.0.0.1:5080/")]
    [InlineData("http://localhost:5080/")]
    public void A_page_under_no_configured_origin_is_refused_naming_the_origins(string returnUrl)
    {
        var error = Assert.Single(Validator.Validate(Request(returnUrl)).Errors);

        Assert.Equal("return_url_not_allowed", error.ErrorCode);
        Assert.Equal("The return URL must be a console page under https://console.ipocto.com or http://127.0.0.1:5080, with no user name or password in it.", error.ErrorMessage);
    }

    [Fact]
    public void An_address_that_is_not_absolute_http_is_refused_as_invalid_only()
    {
        var error = Assert.Single(Validator.Validate(Request("/billing/topups")).Errors);

        Assert.Equal("invalid_return_url", error.ErrorCode);
    }

    [Fact]
    public void No_console_origin_is_refused_at_start_with_the_setting_to_give()
    {
        var result = new ReturnOriginOptionsValidator().Validate(null, new ReturnOriginOptions());

        Assert.True(result.Failed);
        Assert.Equal(
            "TopUps:ReturnOrigins lists no console origin, so every top-up would be refused; set it, e.g. TopUps__ReturnOrigins__0=https://console.ipocto.com.",
            result.FailureMessage);
    }

    private static CreateTopUpRequest Request(string returnUrl) => new(new("20.00", "USD"), "stripe", "US", "card", returnUrl);
}
