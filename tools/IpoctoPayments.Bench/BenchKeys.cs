using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IpoctoPayments.Simulator.PayerMax;

namespace IpoctoPayments.Bench;

/// <summary>The secrets of one run, generated at start: the API, the simulator and the bench's webhook sender share them.</summary>
internal sealed class BenchKeys : IDisposable
{
    public const string AppId = "ipocto_bench_app";
    public const string MerchantNo = "BENCH0000000001";

    /// <summary>The console the bench's top-ups return to, the one origin the API takes return addresses under.</summary>
    public const string ConsoleOrigin = "https://console.ipocto.test";
    private const string Issuer = "ipocto-console";
    private const string Audience = "ipocto-payments";

    private readonly RSA payerMaxKey = RSA.Create();

    public BenchKeys()
    {
        (MerchantPrivateKey, MerchantPublicKey) = PayerMaxKeys.GeneratePair();
        (PayerMaxPrivateKey, PayerMaxPublicKey) = PayerMaxKeys.GeneratePair();
        payerMaxKey.ImportPkcs8PrivateKey(Convert.FromBase64String(PayerMaxPrivateKey), out _);
    }

    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public string StripeWebhookSecret { get; } = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public string MerchantPrivateKey { get; }

    public string MerchantPublicKey { get; }

    public string PayerMaxPrivateKey { get; }

    public string PayerMaxPublicKey { get; }

    /// <summary>The API's settings for this run, as environment variables would carry them.</summary>
    public Dictionary<string, string> ApiSettings(BenchDatabaseServer database, Uri simulator, Uri api) => new()
    {
        ["Database:Provider"] = database.ApiProvider,
        ["Database:ConnectionString"] = database.ConnectionString,
        ["Auth:SigningKey"] = SigningKey,
        ["Auth:Issuer"] = Issuer,
        ["Auth:Audience"] = Audience,
        ["TopUps:ReturnOrigins:0"] = ConsoleOrigin,
        ["Stripe:SecretKey"] = "sk_test_ipocto_bench",
        ["Stripe:ApiBase"] = simulator.ToString().TrimEnd('/'),
        ["Stripe:WebhookSecret"] = StripeWebhookSecret,
        ["PayerMax:BaseUrl"] = new Uri(simulator, "/aggregate-pay/api/gateway").ToString(),
        ["PayerMax:AppId"] = AppId,
        ["PayerMax:MerchantNo"] = MerchantNo,
        ["PayerMax:MerchantPrivateKey"] = MerchantPrivateKey,
        ["PayerMax:PayerMaxPublicKey"] = PayerMaxPublicKey,
        ["PayerMax:NotifyUrl"] = new Uri(api, "/webhooks/payermax").ToString(),
        ["Reconciliation:Interval"] = "00:00:00",
        // Every bench order comes from a handful of accounts at a rate no customer reaches.
        ["RateLimits:TopUpsPerMinute"] = "100000000",
        ["TopUps:Limits:MaximumPerDay"] = "1000000000.00",
        ["ExchangeRates:Rates:USD:PHP"] = "56.25",
    };

    /// <summary>A console token for one account, valid for the run.</summary>
    public string TokenFor(string accountId) => Token(accountId, "payments:account");

    /// <summary>ipocto billing's token: it debits any account, named in the path.</summary>
    public string BillingToken() => Token("ipocto-billing", "payments:billing");

    /// <summary>PayerMax's <c>sign</c> header over a body: RSA SHA-256 PKCS#1 with PayerMax's key.</summary>
    public string PayerMaxSign(byte[] body) =>
        Convert.ToBase64String(payerMaxKey.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>A Stripe-Signature header: <c>t=…,v1=</c> HMAC-SHA256 of "t.body" under the endpoint's secret.</summary>
    public string StripeSignature(byte[] body, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp, signed);
        signed[timestamp.Length] = (byte)'.';
        body.CopyTo(signed, timestamp.Length + 1);
        return $"t={timestamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(StripeWebhookSecret), signed))}";
    }

    public void Dispose() => payerMaxKey.Dispose();

    private string Token(string subject, string scope)
    {
        var header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = subject,
            ["scope"] = scope,
            ["exp"] = DateTimeOffset.UtcNow.AddHours(6).ToUnixTimeSeconds(),
        }));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningKey), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64Url.EncodeToString(mac)}";
    }
}
