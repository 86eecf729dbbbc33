using System.Security.Cryptography;
using IpoctoPayments.Simulator.PayerMax;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.Core;

/// <summary>Fills in the keys and secrets configuration left out, so the simulator runs with no setup; the banner shows them.</summary>
internal sealed class GeneratedSecrets : IPostConfigureOptions<SimulatorOptions>
{
    public void PostConfigure(string? name, SimulatorOptions options)
    {
        foreach (var endpoint in options.Stripe.WebhookEndpoints.Where(e => string.IsNullOrWhiteSpace(e.Secret)))
        {
            endpoint.Secret = NewWebhookSecret();
        }

        var payerMax = options.PayerMax;
        if (string.IsNullOrWhiteSpace(payerMax.PrivateKey))
        {
            payerMax.PrivateKey = PayerMaxKeys.GeneratePair().PrivateKey;
        }

        if (string.IsNullOrWhiteSpace(payerMax.MerchantPublicKey))
        {
            var (privateKey, publicKey) = PayerMaxKeys.GeneratePair();
            payerMax.MerchantPublicKey = publicKey;
            payerMax.GeneratedMerchantPrivateKey = privateKey;
        }
    }

    public static string NewWebhookSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
