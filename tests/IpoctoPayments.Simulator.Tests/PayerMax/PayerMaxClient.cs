using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.PayerMax;
using IpoctoPayments.Simulator.Tests.Support;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Simulator.Tests.PayerMax;

/// <summary>
/// A merchant's PayerMax client as payermax.md describes it: the envelope with <c>requestTime</c> from the test
/// clock, the exact body bytes signed with the merchant's RSA key, and the answer's <c>sign</c> checked with the
/// simulator's public key.
/// </summary>
internal sealed class PayerMaxClient(SimulatorFixture sim)
{
    public const string AppId = "ipocto_sim_app";
    public const string MerchantNo = "SIM010000000001";
    public const string FrontCallbackUrl = "http://merchant.test/return";

    /// <summary>PayerMax's 303 back to the merchant, which the cashier just answered with: the query it carries.</summary>
    public static string ReturnQuery(HostedPageBrowser cashier)
    {
        Assert.Equal(HttpStatusCode.SeeOther, cashier.Status);
        var back = cashier.ReturnedTo?.AbsoluteUri;
        Assert.StartsWith(FrontCallbackUrl + "?", back, StringComparison.Ordinal);
        return back![(FrontCallbackUrl.Length + 1)..];
    }

    /// <summary>A customer's browser on the cashier pages, until PayerMax sends them back to <see cref="FrontCallbackUrl"/>.</summary>
    public HostedPageBrowser Cashier() => new(sim.Http, new Uri(FrontCallbackUrl));

    public Task<PayerMaxAnswer> CallAsync(string apiName, JsonObject data, Action<JsonObject>? envelope = null)
    {
        var request = new JsonObject
        {
            ["version"] = "1.4",
            ["keyVersion"] = "1",
            ["requestTime"] = sim.Clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["appId"] = AppId,
            ["merchantNo"] = MerchantNo,
            ["data"] = data,
        };
        envelope?.Invoke(request);
        var body = request.ToJsonString();
        return SendAsync(apiName, body, Sign(body, sim.MerchantPrivateKey));
    }

    public async Task<PayerMaxAnswer> SendAsync(string apiName, string body, string? sign)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new("application/json");
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/aggregate-pay/api/gateway/{apiName}") { Content = content };
        if (sign is not null)
        {
            message.Headers.TryAddWithoutValidation("sign", sign);
        }

        using var response = await sim.Http.SendAsync(message);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var signature = response.Headers.TryGetValues("sign", out var values) ? values.Single() : "";
        return new PayerMaxAnswer(response.StatusCode, JsonNode.Parse(bytes)!.AsObject(), Verify(bytes, signature, SimulatorPublicKey));
    }

    public string SimulatorPublicKey => sim.Service<PayerMaxKeys>().SimulatorPublicKey;

    /// <summary>An order paid by e-wallet in the Philippines unless the test says otherwise.</summary>
    public static JsonObject Order(string outTradeNo, decimal amount = 100m, string currency = "PHP", string? country = "PH", string subject = "Balance top-up")
    {
        var data = new JsonObject
        {
            ["outTradeNo"] = outTradeNo,
            ["integrate"] = "Hosted_Checkout",
            ["subject"] = subject,
            ["totalAmount"] = amount,
            ["currency"] = currency,
            ["userId"] = "user_1",
            ["frontCallbackUrl"] = FrontCallbackUrl,
            ["reference"] = "ref-" + outTradeNo,
        };
        if (country is not null)
        {
            data["country"] = country;
        }

        return data;
    }

    public async Task<PayerMaxAnswer> CreateOrderAsync(JsonObject order)
    {
        var answer = await CallAsync("orderAndPay", order);
        Assert.Equal("APPLY_SUCCESS", answer.Code);
        return answer;
    }

    /// <summary>A time as PayerMax writes <c>completeTime</c> and its other UTC times.</summary>
    public static string UtcTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public Task<PayerMaxAnswer> QueryAsync(string outTradeNo) => CallAsync("orderQuery", new JsonObject { ["outTradeNo"] = outTradeNo });

    public static JsonObject Refund(string outRefundNo, string outTradeNo, decimal amount, string currency = "PHP") => new()
    {
        ["outRefundNo"] = outRefundNo,
        ["outTradeNo"] = outTradeNo,
        ["refundAmount"] = amount,
        ["refundCurrency"] = currency,
        ["comments"] = "customer asked",
    };

    public static string Sign(string body, string privateKey)
    {
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(privateKey), out _);
        return Convert.ToBase64String(rsa.SignData(Encoding.UTF8.GetBytes(body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public static bool Verify(byte[] body, string signature, string publicKey)
    {
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out _);
        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && rsa.VerifyData(body, bytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>The PayerMax notifications the merchant received, each checked against the simulator's key.</summary>
    public IReadOnlyList<JsonObject> Notifications(string notifyType)
    {
        var notifications = new List<JsonObject>();
        foreach (var webhook in sim.Receiver.Received.Where(w => w.Url.AbsoluteUri.StartsWith(SimulatorFixture.PayerMaxNotifyUrl, StringComparison.Ordinal)))
        {
            Assert.True(Verify(Encoding.UTF8.GetBytes(webhook.Body), webhook.Header("sign"), SimulatorPublicKey), "notification signature");
            var body = JsonNode.Parse(webhook.Body)!.AsObject();
            if ((string?)body["notifyType"] == notifyType)
            {
                notifications.Add(body);
            }
        }

        return notifications;
    }
}

internal sealed record PayerMaxAnswer(HttpStatusCode Status, JsonObject Body, bool SignatureValid)
{
    public string? Code => (string?)Body["code"];

    public string? Msg => (string?)Body["msg"];

    public JsonObject Data => Body["data"]!.AsObject();

    public string? Text(string name) => (string?)Data[name];

    public decimal Number(string name) => Data[name]!.GetValue<decimal>();
}
