using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.PayerMax;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stripe;

namespace IpoctoPayments.Simulator.Tests.Support;

/// <summary>
/// The simulator in memory with a clock the test moves: no network, no background worker (due jobs run when
/// the test calls <see cref="RunDueAsync"/>), webhooks delivered to <see cref="Receiver"/>.
/// </summary>
public sealed class SimulatorFixture : IAsyncDisposable
{
    public const string StripeWebhookUrl = "http://merchant.test/webhooks/stripe";
    public const string StripeWebhookSecret = "whsec_simulator_tests_0123456789";
    public const string PayerMaxNotifyUrl = "http://merchant.test/webhooks/payermax";
    public const string SecretKey = "sk_test_simulator_tests";

    // RSA-2048 generation costs ~0.3 s; every fixture shares one merchant pair and one simulator key.
    private static readonly Lazy<(string Private, string Public)> MerchantKeys = new(PayerMaxKeys.GeneratePair);
    private static readonly Lazy<string> SimulatorPayerMaxKey = new(() => PayerMaxKeys.GeneratePair().PrivateKey);

    private readonly WebApplication app;

    private SimulatorFixture(WebApplication app, FakeTimeProvider clock, WebhookReceiver receiver, string merchantPrivateKey)
    {
        this.app = app;
        Clock = clock;
        Receiver = receiver;
        MerchantPrivateKey = merchantPrivateKey;
        Http = app.GetTestClient();
    }

    public FakeTimeProvider Clock { get; }

    public WebhookReceiver Receiver { get; }

    /// <summary>The merchant's PayerMax private key (base64 PKCS#8); the simulator knows its public half.</summary>
    public string MerchantPrivateKey { get; }

    /// <summary>A client for the simulator's own endpoints (hosted pages, control API, PayerMax gateway).</summary>
    public HttpClient Http { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<SimulatorFixture> StartAsync(IDictionary<string, string?>? settings = null)
    {
        // The clock starts at the real time so that signatures verify with Stripe.net's default tolerance.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var receiver = new WebhookReceiver();
        var (merchantPrivate, merchantPublic) = MerchantKeys.Value;
        var configuration = new Dictionary<string, string?>
        {
            ["Simulator:Seed"] = "7",
            ["Simulator:RunScheduler"] = "false",
            ["Simulator:PublicBaseUrl"] = "http://localhost",
            ["Simulator:Stripe:WebhookEndpoints:0:Url"] = StripeWebhookUrl,
            ["Simulator:Stripe:WebhookEndpoints:0:Secret"] = StripeWebhookSecret,
            ["Simulator:PayerMax:MerchantPublicKey"] = merchantPublic,
            ["Simulator:PayerMax:PrivateKey"] = SimulatorPayerMaxKey.Value,
            ["Simulator:PayerMax:NotifyUrl"] = PayerMaxNotifyUrl,
            ["Simulator:PayerMax:RefundNotifyUrl"] = PayerMaxNotifyUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddProviderSimulator(builder.Configuration);
        builder.Services.AddHttpClient(WebhookOutbox.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => receiver);
        var app = builder.Build();
        app.MapProviderSimulator();
        await app.StartAsync();
        return new SimulatorFixture(app, clock, receiver, merchantPrivate);
    }

    /// <summary>Stripe.net pointed at the simulator by its base URL alone.</summary>
    public StripeClient StripeClient(string apiKey = SecretKey, int maxNetworkRetries = 0) =>
        new(new StripeClientOptions
        {
            ApiKey = apiKey,
            ApiBase = "http://localhost",
            HttpClient = new SystemNetHttpClient(app.GetTestClient(), maxNetworkRetries),
        });

    public T Service<T>()
        where T : notnull => app.Services.GetRequiredService<T>();

    public Task<int> RunDueAsync() => Service<SimulatorScheduler>().RunDueAsync();

    /// <summary>Moves the clock and runs what fell due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await RunDueAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
