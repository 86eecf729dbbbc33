using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Shop.Tests;

/// <summary>
/// The simulator installed as a tool and started by .ci/packages.sh, which passes its address and the PayerMax keys
/// it printed at start: the shop's Stripe.net pointed at it by configuration, and a PayerMax merchant's signed call.
/// </summary>
public sealed class InstalledToolTests
{
    private static string Url => Setting("IPOCTO_SIM_URL");

    [Fact]
    public async Task The_shop_configured_with_the_tools_address_opens_its_checkout_session_there()
    {
        await using var factory = new WebApplicationFactory<Program>();
        await using var shop = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Stripe:ApiBase", Url)
            .UseSetting("Stripe:SecretKey", "sk_test_stranger"));

        var opened = await (await shop.CreateClient().PostAsync("/checkout?amount=1500", null)).Content.ReadFromJsonAsync<Opened>();

        Assert.StartsWith("cs_test_", opened!.Id, StringComparison.Ordinal);
        Assert.Equal(1500, opened.AmountTotal);
        Assert.StartsWith(Url, opened.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PayerMax_orderAndPay_signed_with_the_printed_merchant_key_opens_the_cashier()
    {
        var outTradeNo = "SHOP" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["version"] = "1.4",
            ["keyVersion"] = "1",
            ["requestTime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["appId"] = "ipocto_sim_app",
            ["merchantNo"] = "SIM010000000001",
            ["data"] = new JsonObject
            {
                ["outTradeNo"] = outTradeNo,
                ["integrate"] = "Hosted_Checkout",
                ["subject"] = "Top-up",
                ["totalAmount"] = 562.5m,
                ["currency"] = "PHP",
                ["country"] = "PH",
                ["userId"] = "user_1",
                ["frontCallbackUrl"] = "https://shop.example/paid",
            },
        }.ToJsonString();
        using var merchantKey = RSA.Create();
        merchantKey.ImportPkcs8PrivateKey(Convert.FromBase64String(Setting("IPOCTO_SIM_MERCHANT_PRIVATE_KEY")), out _);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Url}/aggregate-pay/api/gateway/orderAndPay")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("sign", Convert.ToBase64String(merchantKey.SignData(Encoding.UTF8.GetBytes(body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));
        using var http = new HttpClient();

        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadAsByteArrayAsync();

        var json = JsonNode.Parse(answer)!;
        Assert.Equal("APPLY_SUCCESS", (string?)json["code"]);
        Assert.Equal(outTradeNo, (string?)json["data"]!["outTradeNo"]);
        Assert.StartsWith(Url, (string?)json["data"]!["redirectUrl"], StringComparison.Ordinal);
        using var simulatorKey = RSA.Create();
        simulatorKey.ImportSubjectPublicKeyInfo(Convert.FromBase64String(Setting("IPOCTO_SIM_PAYERMAX_PUBLIC_KEY")), out _);
        var signature = Convert.FromBase64String(response.Headers.GetValues("sign").Single());
        Assert.True(simulatorKey.VerifyData(answer, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), "the answer is signed with the printed PayerMax key");
    }

    private static string Setting(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value.TrimEnd('/')
            : throw new InvalidOperationException($"{name} is not set: .ci/packages.sh starts the installed tool and sets it.");

    private sealed record Opened(string Id, string Url, long AmountTotal);
}
