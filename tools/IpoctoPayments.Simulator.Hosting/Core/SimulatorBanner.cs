using System.Text;
using IpoctoPayments.Simulator.PayerMax;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.Core;

/// <summary>What a developer needs to point a client at the simulator: its addresses, keys and webhook secrets.</summary>
public sealed class SimulatorBanner(IOptions<SimulatorOptions> options, PayerMaxKeys payerMaxKeys)
{
    public string Describe(string baseUrl)
    {
        var o = options.Value;
        var text = new StringBuilder();
        text.AppendLine("ipocto provider simulator (offline; state in memory)")
            .AppendLine($"  Stripe API base        {baseUrl}   (Stripe.net: StripeClientOptions.ApiBase)")
            .AppendLine($"  Stripe secret key      {o.Stripe.SecretKey ?? "any key starting sk_test_"}")
            .AppendLine($"  Stripe publishable key {o.Stripe.PublishableKey}");
        foreach (var endpoint in o.Stripe.WebhookEndpoints)
        {
            var events = endpoint.Events.Count == 0 ? "*" : string.Join(',', endpoint.Events);
            text.AppendLine($"  Stripe webhook         {endpoint.Url}  secret {endpoint.Secret}  events {events}");
        }

        text.AppendLine($"  PayerMax gateway       {baseUrl}/aggregate-pay/api/gateway")
            .AppendLine($"  PayerMax appId         {o.PayerMax.AppId}")
            .AppendLine($"  PayerMax merchantNo    {o.PayerMax.MerchantNo}")
            .AppendLine($"  PayerMax public key    {payerMaxKeys.SimulatorPublicKey}");
        if (o.PayerMax.GeneratedMerchantPrivateKey is { } merchantPrivate)
        {
            text.AppendLine($"  Merchant private key   {merchantPrivate}   (generated; sign PayerMax requests with it)");
        }

        text.AppendLine($"  Control API            {baseUrl}/_simulator   (OpenAPI: {baseUrl}/_simulator/openapi/simulator.json)");
        text.AppendLine($"  Dashboard              {baseUrl}/_simulator/dashboard");
        return text.ToString();
    }
}
