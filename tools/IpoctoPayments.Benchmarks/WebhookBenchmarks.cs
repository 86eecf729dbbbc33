using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Infrastructure.Providers.PayerMax;
using IpoctoPayments.Infrastructure.Providers.Stripe;
using Microsoft.Extensions.Options;
using Stripe;

namespace IpoctoPayments.Benchmarks;

/// <summary>What the API does with a webhook before it touches the database: check the signature, parse, map to a provider event.</summary>
[MemoryDiagnoser]
public class WebhookBenchmarks : IDisposable
{
    private const string WebhookSecret = "whsec_ipocto_benchmarks";
    private const string AppId = "ipocto_bench_app";
    private const string MerchantNo = "BENCH0000000001";

    private readonly RSA payerMaxKey = RSA.Create(2048);
    private string stripeJson = "";
    private byte[] stripeBody = [];
    private string stripeSignature = "";
    private long stripeTimestamp;
    private byte[] payerMaxBody = [];
    private string payerMaxSign = "";
    private StripeEventReader stripeReader = null!;
    private PayerMaxSignature payerMaxSignature = null!;
    private PayerMaxNotificationReader payerMaxReader = null!;

    [GlobalSetup]
    public void Setup()
    {
        var orderId = Guid.NewGuid();
        stripeJson = JsonSerializer.Serialize(new
        {
            id = $"evt_{orderId:N}",
            @object = "event",
            api_version = StripeConfiguration.ApiVersion,
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            livemode = false,
            pending_webhooks = 1,
            type = "checkout.session.completed",
            data = new
            {
                @object = new
                {
                    id = $"cs_test_{orderId:N}",
                    @object = "checkout.session",
                    amount_total = 2000,
                    currency = "usd",
                    client_reference_id = orderId.ToString(),
                    metadata = new Dictionary<string, string> { ["topup_id"] = orderId.ToString() },
                    mode = "payment",
                    payment_intent = $"pi_{orderId:N}",
                    payment_status = "paid",
                    status = "complete",
                },
            },
        });
        stripeBody = Encoding.UTF8.GetBytes(stripeJson);
        stripeTimestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), Encoding.UTF8.GetBytes($"{stripeTimestamp}.{stripeJson}"));
        stripeSignature = $"t={stripeTimestamp},v1={Convert.ToHexStringLower(mac)}";

        payerMaxBody = JsonSerializer.SerializeToUtf8Bytes(new
        {
            code = "APPLY_SUCCESS",
            msg = "",
            keyVersion = "1",
            appId = AppId,
            merchantNo = MerchantNo,
            notifyTime = "2026-11-27T08:00:00.000+00:00",
            notifyType = "PAYMENT",
            data = new { outTradeNo = orderId.ToString("N"), totalAmount = "562.50", currency = "PHP", country = "PH", status = "SUCCESS" },
        });
        payerMaxSign = Convert.ToBase64String(payerMaxKey.SignData(payerMaxBody, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        var stripeOptions = Options.Create(new StripeOptions { WebhookSecret = WebhookSecret });
        stripeReader = new StripeEventReader(stripeOptions, TimeProvider.System);
        var payerMaxOptions = Options.Create(new PayerMaxOptions
        {
            AppId = AppId,
            MerchantNo = MerchantNo,
            PayerMaxPublicKey = Convert.ToBase64String(payerMaxKey.ExportSubjectPublicKeyInfo()),
        });
        payerMaxSignature = new PayerMaxSignature(payerMaxOptions);
        payerMaxReader = new PayerMaxNotificationReader(payerMaxSignature, payerMaxOptions, TimeProvider.System);
    }

    [Benchmark(Description = "Stripe signature (EventUtility)")]
    public void StripeSignature() => EventUtility.ValidateSignature(stripeJson, stripeSignature, WebhookSecret, 300, stripeTimestamp);

    [Benchmark(Description = "Stripe event: verify + parse + map")]
    public ProviderEvent StripeEvent() => stripeReader.Read(stripeBody, stripeSignature);

    [Benchmark(Description = "PayerMax RSA-2048 verify")]
    public bool PayerMaxSignature() => payerMaxSignature.Verify(payerMaxBody, payerMaxSign);

    [Benchmark(Description = "PayerMax notification: verify + parse + map")]
    public ProviderEvent PayerMaxNotification() => payerMaxReader.Read(payerMaxBody, payerMaxSign);

    public void Dispose()
    {
        payerMaxKey.Dispose();
        payerMaxSignature?.Dispose();
        GC.SuppressFinalize(this);
    }
}
