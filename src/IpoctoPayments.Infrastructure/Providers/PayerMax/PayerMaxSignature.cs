using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Providers.PayerMax;

/// <summary>
/// PayerMax's signatures: RSA-2048, SHA-256, PKCS#1 v1.5, base64, over the exact bytes of the HTTP body.
/// The merchant signs requests with its private key and verifies answers and notifications with PayerMax's public key.
/// Keys are read on first use, so a deployment without PayerMax still serves Stripe.
/// </summary>
internal sealed class PayerMaxSignature(IOptions<PayerMaxOptions> options) : IDisposable
{
    private readonly Lazy<RSA> merchantKey = new(() => Import(options.Value.MerchantPrivateKey, "PayerMax:MerchantPrivateKey", (rsa, key) => rsa.ImportPkcs8PrivateKey(key, out _)));
    private readonly Lazy<RSA> payerMaxKey = new(() => Import(options.Value.PayerMaxPublicKey, "PayerMax:PayerMaxPublicKey", (rsa, key) => rsa.ImportSubjectPublicKeyInfo(key, out _)));

    public string Sign(ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(merchantKey.Value.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public string Sign(string body) => Sign(Encoding.UTF8.GetBytes(body));

    public bool Verify(ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrWhiteSpace(signature) || signature.Length > 1024)
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[768];
        return Convert.TryFromBase64String(signature.Trim(), decoded, out var length)
            && payerMaxKey.Value.VerifyData(body, decoded[..length], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public void Dispose()
    {
        if (merchantKey.IsValueCreated)
        {
            merchantKey.Value.Dispose();
        }

        if (payerMaxKey.IsValueCreated)
        {
            payerMaxKey.Value.Dispose();
        }
    }

    private static RSA Import(string base64, string setting, Action<RSA, byte[]> import)
    {
        var rsa = RSA.Create();
        try
        {
            import(rsa, Convert.FromBase64String(base64));
            return rsa;
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            rsa.Dispose();
            throw new PayerMaxNotConfiguredException($"{setting} is missing or not a base64 DER key.", exception);
        }
    }
}

/// <summary>PayerMax's keys are not set: PayerMax payments and notifications cannot be handled by this deployment.</summary>
internal sealed class PayerMaxNotConfiguredException(string message, Exception inner) : Exception(message, inner);
