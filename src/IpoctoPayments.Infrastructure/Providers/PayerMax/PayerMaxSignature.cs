using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Providers.PayerMax;

/// <summary>
/// PayerMax's signatures: RSA-2048, SHA-256, PKCS#1 v1.5, base64, over the exact bytes of the HTTP body.
/// The merchant signs requests with its private key and verifies answers and notifications with PayerMax's public key.
/// </summary>
internal sealed class PayerMaxSignature : IDisposable
{
    private readonly RSA merchantKey = RSA.Create();
    private readonly RSA payerMaxKey = RSA.Create();

    public PayerMaxSignature(IOptions<PayerMaxOptions> options)
    {
        var o = options.Value;
        merchantKey.ImportPkcs8PrivateKey(Convert.FromBase64String(o.MerchantPrivateKey), out _);
        payerMaxKey.ImportSubjectPublicKeyInfo(Convert.FromBase64String(o.PayerMaxPublicKey), out _);
    }

    public string Sign(ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(merchantKey.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public string Sign(string body) => Sign(Encoding.UTF8.GetBytes(body));

    public bool Verify(ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrWhiteSpace(signature) || signature.Length > 1024)
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[768];
        return Convert.TryFromBase64String(signature.Trim(), decoded, out var length)
            && payerMaxKey.VerifyData(body, decoded[..length], HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public void Dispose()
    {
        merchantKey.Dispose();
        payerMaxKey.Dispose();
    }
}
