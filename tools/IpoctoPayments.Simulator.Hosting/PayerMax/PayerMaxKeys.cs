using System.Security.Cryptography;
using System.Text;
using IpoctoPayments.Simulator.Core;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.PayerMax;

/// <summary>
/// The two RSA keys of the PayerMax protocol: the simulator signs responses and notifications with its own
/// private key, and verifies requests with the merchant's public key (SHA-256, PKCS#1 v1.5, base64 in <c>sign</c>).
/// </summary>
public sealed class PayerMaxKeys : IDisposable
{
    private readonly RSA simulatorKey;
    private readonly RSA merchantKey;

    public PayerMaxKeys(IOptions<SimulatorOptions> options)
    {
        var payerMax = options.Value.PayerMax;
        simulatorKey = RSA.Create();
        simulatorKey.ImportPkcs8PrivateKey(Convert.FromBase64String(payerMax.PrivateKey!), out _);
        merchantKey = RSA.Create();
        merchantKey.ImportSubjectPublicKeyInfo(Convert.FromBase64String(payerMax.MerchantPublicKey!), out _);
        SimulatorPublicKey = Convert.ToBase64String(simulatorKey.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The simulator's public key (base64 SPKI): the merchant verifies responses and notifications with it.</summary>
    public string SimulatorPublicKey { get; }

    public string Sign(string body) =>
        Convert.ToBase64String(simulatorKey.SignData(Encoding.UTF8.GetBytes(body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public bool VerifyMerchant(ReadOnlySpan<byte> body, string? signature)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        var bytes = new byte[(signature.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(signature.Trim(), bytes, out var length)
            && merchantKey.VerifyData(body, bytes.AsSpan(0, length), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public void Dispose()
    {
        simulatorKey.Dispose();
        merchantKey.Dispose();
    }

    /// <summary>A fresh RSA-2048 pair as PayerMax hands them out: base64 PKCS#8 private, base64 SPKI public.</summary>
    public static (string PrivateKey, string PublicKey) GeneratePair()
    {
        using var rsa = RSA.Create(2048);
        return (Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()), Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()));
    }
}
