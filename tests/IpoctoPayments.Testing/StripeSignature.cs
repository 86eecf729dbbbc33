using System.Security.Cryptography;
using System.Text;

namespace IpoctoPayments.Testing;

/// <summary>Stripe's webhook signature, made as Stripe makes it, for webhooks a test hands to the API itself.</summary>
public static class StripeSignature
{
    public const string Header = "Stripe-Signature";

    /// <summary>The header's value: <c>t=…,v1=</c> HMAC-SHA256 of "t.payload" under <paramref name="secret"/>.</summary>
    public static string For(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>The webhook as Stripe posts it to the API: the body, and the signature header when there is one.</summary>
    public static HttpRequestMessage Webhook(string payload, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(Header, signature);
        }

        return request;
    }
}
