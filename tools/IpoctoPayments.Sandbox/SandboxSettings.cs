using System.Globalization;
using IpoctoPayments.Simulator.PayerMax;

namespace IpoctoPayments.Sandbox;

/// <summary>
/// The sandbox's configuration: the API pointed at the simulator in the same process, with the simulator's published test
/// keys. It is the lowest-priority source, so appsettings, environment variables and the command line still override it.
/// </summary>
internal static class SandboxSettings
{
    /// <summary>Signs the demo console's tokens. Published on purpose: it protects nothing but a local sandbox.</summary>
    public const string SandboxOnlySigningKey = "ipocto-sandbox-only-signing-key-published-not-a-secret";

    /// <summary>The simulator's published test webhook secret, configured on both ends of the Stripe webhook.</summary>
    public const string StripeWebhookSecret = "whsec_sandbox_published_test_secret";

    public const string StripeSecretKey = "sk_test_sandbox";

    public const string DatabaseFolder = "sandbox-data";

    public const string DatabaseFile = "ipocto-sandbox.db";

    // The simulator's merchant identity, given to the API as its PayerMax credentials.
    private const string PayerMaxAppId = "ipocto_sim_app";
    private const string PayerMaxMerchantNo = "SIM010000000001";

    // Illustrative rates from the balance currency (USD) into every currency the PayerMax catalogue charges in. IDR and
    // TWD are whole numbers and KWD/BHD have two decimals, so a whole-dollar top-up converts to an amount PayerMax takes.
    private static readonly Dictionary<string, string> UsdRates = new()
    {
        ["PHP"] = "56.25",
        ["IDR"] = "16250",
        ["SAR"] = "3.75",
        ["AED"] = "3.67",
        ["EGP"] = "48.50",
        ["KWD"] = "0.31",
        ["BHD"] = "0.38",
        ["SGD"] = "1.35",
        ["BRL"] = "5.40",
        ["TWD"] = "32",
    };

    /// <summary>The settings for a sandbox reached at <paramref name="addresses"/>, the first of which it calls itself by.</summary>
    public static Dictionary<string, string?> For(IReadOnlyList<Uri> addresses, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var own = addresses[0].GetLeftPart(UriPartial.Authority);
        // RSA pairs are made per start: nothing secret is kept, and each side gets the other's public half.
        var merchant = PayerMaxKeys.GeneratePair();
        var simulator = PayerMaxKeys.GeneratePair();
        var database = Path.Combine(contentRoot, DatabaseFolder, DatabaseFile);

        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
            ["Logging:LogLevel:Polly"] = "Warning",

            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={database}",

            ["Auth:SigningKey"] = SandboxOnlySigningKey,

            ["Stripe:SecretKey"] = StripeSecretKey,
            ["Stripe:ApiBase"] = own,
            ["Stripe:WebhookSecret"] = StripeWebhookSecret,

            ["PayerMax:BaseUrl"] = $"{own}/aggregate-pay/api/gateway",
            ["PayerMax:AppId"] = PayerMaxAppId,
            ["PayerMax:MerchantNo"] = PayerMaxMerchantNo,
            ["PayerMax:MerchantPrivateKey"] = merchant.PrivateKey,
            ["PayerMax:PayerMaxPublicKey"] = simulator.PublicKey,
            ["PayerMax:NotifyUrl"] = $"{own}/webhooks/payermax",

            ["Simulator:PublicBaseUrl"] = own,
            ["Simulator:Stripe:WebhookEndpoints:0:Url"] = $"{own}/webhooks/stripe",
            ["Simulator:Stripe:WebhookEndpoints:0:Secret"] = StripeWebhookSecret,
            ["Simulator:PayerMax:AppId"] = PayerMaxAppId,
            ["Simulator:PayerMax:MerchantNo"] = PayerMaxMerchantNo,
            ["Simulator:PayerMax:MerchantPublicKey"] = merchant.PublicKey,
            ["Simulator:PayerMax:PrivateKey"] = simulator.PrivateKey,
            ["Simulator:PayerMax:NotifyUrl"] = $"{own}/webhooks/payermax",
            ["Simulator:PayerMax:RefundNotifyUrl"] = $"{own}/webhooks/payermax",
        };
        // The demo console returns the customer to the page it was opened on: any address the sandbox listens on.
        foreach (var (address, i) in addresses.Select((a, i) => (a, i)))
        {
            settings[string.Create(CultureInfo.InvariantCulture, $"TopUps:ReturnOrigins:{i}")] = address.GetLeftPart(UriPartial.Authority);
        }

        foreach (var (currency, rate) in UsdRates)
        {
            settings[string.Create(CultureInfo.InvariantCulture, $"ExchangeRates:Rates:USD:{currency}")] = rate;
        }

        return settings;
    }
}
