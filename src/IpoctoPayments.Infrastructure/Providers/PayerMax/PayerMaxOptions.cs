namespace IpoctoPayments.Infrastructure.Providers.PayerMax;

/// <summary>The <c>PayerMax</c> section: the merchant's credentials and where the gateway is.</summary>
public sealed class PayerMaxOptions
{
    public const string Section = "PayerMax";

    /// <summary>The gateway base; PayerMax's sandbox is <c>https://pay-gate-uat.payermax.com/aggregate-pay/api/gateway</c>.</summary>
    public string BaseUrl { get; set; } = "https://pay-gate-uat.payermax.com/aggregate-pay/api/gateway";

    public string AppId { get; set; } = "";

    public string MerchantNo { get; set; } = "";

    /// <summary>The merchant's RSA private key, base64 PKCS#8 without PEM armour; from user secrets or the environment.</summary>
    public string MerchantPrivateKey { get; set; } = "";

    /// <summary>PayerMax's RSA public key, base64 X.509 SubjectPublicKeyInfo; responses and notifications are verified with it.</summary>
    public string PayerMaxPublicKey { get; set; } = "";

    public string KeyVersion { get; set; } = "1";

    public string Version { get; set; } = "1.4";

    /// <summary>Where PayerMax sends payment and refund notifications: this service's <c>/webhooks/payermax</c>.</summary>
    public string NotifyUrl { get; set; } = "";
}
