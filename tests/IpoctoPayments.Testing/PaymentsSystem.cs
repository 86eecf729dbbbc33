using System.Net.Http.Headers;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Application.Refunds;
using IpoctoPayments.Infrastructure;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.PayerMax;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace IpoctoPayments.Testing;

/// <summary>
/// The real API composition and the provider simulator, both in memory, wired to each other as in production:
/// the API calls Stripe and PayerMax at the simulator, the simulator sends its webhooks to the API. One clock, which the
/// test moves; webhooks are delivered when the test calls <see cref="DeliverWebhooksAsync"/>.
/// </summary>
public sealed class PaymentsSystem : IAsyncDisposable
{
    public const string ApiBase = "http://api.test";
    public const string SimulatorBase = "http://simulator.test";
    public const string StripeWebhookSecret = "whsec_ipocto_integration_tests";

    // RSA-2048 generation is slow; one merchant pair and one simulator pair serve every test.
    private static readonly (string PrivateKey, string PublicKey) MerchantKeys = PayerMaxKeys.GeneratePair();
    private static readonly (string PrivateKey, string PublicKey) SimulatorKeys = PayerMaxKeys.GeneratePair();

    private readonly WebApplication simulator;
    private readonly WebApplicationFactory<Program> api;
    private readonly Func<WebApplicationFactory<Program>> newInstance;
    private readonly List<WebApplicationFactory<Program>> instances = [];

    private PaymentsSystem(WebApplication simulator, Func<WebApplicationFactory<Program>> newInstance, FakeTimeProvider clock)
    {
        this.simulator = simulator;
        this.newInstance = newInstance;
        api = newInstance();
        Clock = clock;
        Simulator = simulator.GetTestClient();
        Simulator.BaseAddress = new Uri(SimulatorBase);
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The simulator's pages and control API, as a customer's browser or a test script reaches them.</summary>
    public HttpClient Simulator { get; }

    public IServiceProvider ApiServices => api.Services;

    public IServiceProvider SimulatorServices => simulator.Services;

    /// <summary>Starts the system; <paramref name="logs"/>, when given, receives every log entry of the API at every level.</summary>
    public static async Task<PaymentsSystem> StartAsync(TestDatabase database, IDictionary<string, string?>? settings = null, CapturedLogs? logs = null)
    {
        ArgumentNullException.ThrowIfNull(database);

        // The clock starts at the real time: Stripe.net checks webhook timestamps against it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var toApi = new LateBoundHandler();
        var simulator = await StartSimulatorAsync(clock, toApi);
        var simulatorServer = simulator.GetTestServer();

        var configuration = new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = TestTokens.SigningKey,
            ["Auth:Issuer"] = TestTokens.Issuer,
            ["Auth:Audience"] = TestTokens.Audience,
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Stripe:SecretKey"] = "sk_test_ipocto_integration",
            ["Stripe:ApiBase"] = SimulatorBase,
            ["Stripe:WebhookSecret"] = StripeWebhookSecret,
            ["PayerMax:BaseUrl"] = $"{SimulatorBase}/aggregate-pay/api/gateway",
            ["PayerMax:AppId"] = "ipocto_sim_app",
            ["PayerMax:MerchantNo"] = "SIM010000000001",
            ["PayerMax:MerchantPrivateKey"] = MerchantKeys.PrivateKey,
            ["PayerMax:PayerMaxPublicKey"] = SimulatorKeys.PublicKey,
            ["PayerMax:NotifyUrl"] = $"{ApiBase}/webhooks/payermax",
            // Tests run reconciliation on demand (POST /api/v1/reconciliation/runs), not on a timer.
            ["Reconciliation:Interval"] = "00:00:00",
            // Refunds are sent when the test delivers what is due (DeliverWebhooksAsync), not on a timer.
            ["RefundDispatch:Interval"] = "00:00:00",

            // The limiter runs on the wall clock; tests that are not about it should never meet it.
            ["RateLimits:TopUpsPerMinute"] = "100000",
            // Retry backoff waits on the shared clock; tests that are not about it should not have to move the clock for it.
            ["ProviderResilience:RetryDelay"] = "00:00:00",
            ["ExchangeRates:Rates:USD:PHP"] = "56.25",
            ["ExchangeRates:Rates:USD:IDR"] = "16250",
            ["ExchangeRates:Rates:USD:SGD"] = "1.35",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        WebApplicationFactory<Program> NewInstance() => new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            foreach (var (key, value) in configuration)
            {
                host.UseSetting(key, value);
            }

            if (logs is not null)
            {
                host.ConfigureLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
            }

            host.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddHttpClient(DependencyInjection.StripeHttpClient).ConfigurePrimaryHttpMessageHandler(simulatorServer.CreateHandler);
                services.AddHttpClient(DependencyInjection.PayerMaxHttpClient).ConfigurePrimaryHttpMessageHandler(simulatorServer.CreateHandler);
            });
        });
        var system = new PaymentsSystem(simulator, NewInstance, clock);
        toApi.Target = system.api.Server.CreateHandler();
        return system;
    }

    /// <summary>
    /// Another API instance on the same database, as behind a load balancer; the simulator's webhooks still go to the
    /// first. Returns a client for a caller with the given token (none: anonymous, as providers call).
    /// </summary>
    public HttpClient AnotherInstance(string? token = null) => StartAnotherInstance()(token);

    /// <summary>Another API instance on the same database; the returned function makes its clients, one per token.</summary>
    public Func<string?, HttpClient> StartAnotherInstance()
    {
        var instance = newInstance();
        instances.Add(instance);
        return token => Client(instance, token);
    }

    /// <summary>A client of the API with a bearer token for one account, as the console calls it for a customer.</summary>
    public HttpClient Console(string accountId) => Client(TestTokens.For(accountId, Scopes.Account));

    public HttpClient Support() => Client(TestTokens.For("support-agent", Scopes.Support));

    public HttpClient Admin() => Client(TestTokens.For("admin", Scopes.Admin));

    public HttpClient Anonymous() => Client(token: null);

    public HttpClient Client(string? token) => Client(api, token);

    private static HttpClient Client(WebApplicationFactory<Program> instance, string? token)
    {
        var client = instance.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(ApiBase), AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public T SimulatorService<T>()
        where T : notnull => simulator.Services.GetRequiredService<T>();

    /// <summary>
    /// Delivers what is due on the clock, both ways, until nothing is left: the API's recorded refunds go to the
    /// simulator, and the simulator's webhooks and delayed provider actions go to the API (which may record refunds).
    /// Returns how many webhooks were delivered.
    /// </summary>
    public async Task<int> DeliverWebhooksAsync()
    {
        var delivered = 0;
        for (var round = 0; round < 10; round++)
        {
            var sent = await DispatchRefundsAsync();
            var deliveredNow = await SimulatorService<SimulatorScheduler>().RunDueAsync();
            delivered += deliveredNow;
            if (sent == 0 && deliveredNow == 0)
            {
                break;
            }
        }

        return delivered;
    }

    /// <summary>One pass of the API's refund dispatcher, as its background job runs it; returns how many refunds it took up.</summary>
    public Task<int> DispatchRefundsAsync() => api.Services.GetRequiredService<RefundDispatcher>().DispatchDueAsync(CancellationToken.None);

    /// <summary>Sends the refunds recorded so far, moves the clock and delivers what fell due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        await DispatchRefundsAsync();
        Clock.Advance(by);
        await DeliverWebhooksAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Simulator.Dispose();
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        await api.DisposeAsync();
        await simulator.StopAsync();
        await simulator.DisposeAsync();
    }

    private static async Task<WebApplication> StartSimulatorAsync(FakeTimeProvider clock, HttpMessageHandler toApi)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:Seed"] = "11",
            ["Simulator:RunScheduler"] = "false",
            ["Simulator:PublicBaseUrl"] = SimulatorBase,
            ["Simulator:Stripe:WebhookEndpoints:0:Url"] = $"{ApiBase}/webhooks/stripe",
            ["Simulator:Stripe:WebhookEndpoints:0:Secret"] = StripeWebhookSecret,
            ["Simulator:PayerMax:MerchantPublicKey"] = MerchantKeys.PublicKey,
            ["Simulator:PayerMax:PrivateKey"] = SimulatorKeys.PrivateKey,
            ["Simulator:PayerMax:NotifyUrl"] = $"{ApiBase}/webhooks/payermax",
            ["Simulator:PayerMax:RefundNotifyUrl"] = $"{ApiBase}/webhooks/payermax",
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddProviderSimulator(builder.Configuration);
        builder.Services.AddHttpClient(WebhookOutbox.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => toApi);
        var app = builder.Build();
        app.MapProviderSimulator();
        await app.StartAsync();
        return app;
    }
}
