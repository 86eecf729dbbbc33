using System.Collections.Concurrent;
using System.Diagnostics;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Application.Common.Providers;
using IpoctoPayments.Application.Disputes;
using IpoctoPayments.Application.Refunds;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;
using IpoctoPayments.Infrastructure;
using IpoctoPayments.Infrastructure.Persistence;
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
/// test moves; webhooks are delivered when the test calls <see cref="DeliverWebhooksAsync"/>. A test opens with
/// <c>await using var system = await PaymentsSystem.StartAsync(provider);</c>: a database of its own, dropped with the system.
/// </summary>
public sealed class PaymentsSystem : IAsyncDisposable
{
    public const string ApiBase = "http://api.test";
    public const string SimulatorBase = "http://simulator.test";
    public const string StripeWebhookSecret = "whsec_ipocto_integration_tests";

    /// <summary>The API key ipocto calls the simulated Stripe with; a test speaking to Stripe as the merchant uses it too.</summary>
    public const string StripeSecretKey = "sk_test_ipocto_integration";

    // RSA-2048 generation is slow; one merchant pair and one simulator pair serve every test.
    private static readonly (string PrivateKey, string PublicKey) MerchantKeys = PayerMaxKeys.GeneratePair();
    private static readonly (string PrivateKey, string PublicKey) SimulatorKeys = PayerMaxKeys.GeneratePair();

    private readonly WebApplication simulator;
    private readonly WebApplicationFactory<Program> api;
    private readonly Func<WebApplicationFactory<Program>> newInstance;
    private readonly List<WebApplicationFactory<Program>> instances = [];
    private readonly ConcurrentQueue<string> providerCallsInTransaction;
    private bool ownsDatabase;

    private PaymentsSystem(
        TestDatabase database, WebApplication simulator, Func<WebApplicationFactory<Program>> newInstance, FakeTimeProvider clock, ConcurrentQueue<string> providerCallsInTransaction)
    {
        Database = database;
        this.simulator = simulator;
        this.providerCallsInTransaction = providerCallsInTransaction;
        this.newInstance = newInstance;
        api = newInstance();
        Clock = clock;
        Simulator = simulator.GetTestClient();
        Simulator.BaseAddress = new Uri(SimulatorBase);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The simulator's pages and control API, as a customer's browser or a test script reaches them.</summary>
    public HttpClient Simulator { get; }

    public IServiceProvider ApiServices => api.Services;

    public IServiceProvider SimulatorServices => simulator.Services;

    /// <summary>Starts the system on a new database of the engine's (skipping the test where the engine is not available); disposing the system drops it.</summary>
    public static async Task<PaymentsSystem> StartAsync(
        DatabaseProvider provider, IDictionary<string, string?>? settings = null, CapturedLogs? logs = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            var system = await StartAsync(database, settings, logs, services);
            system.ownsDatabase = true;
            return system;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the system on a database the caller owns; <paramref name="logs"/>, when given, receives every log entry of the API at every level, and
    /// <paramref name="services"/> changes every API instance's services after the API's own registrations.
    /// </summary>
    public static async Task<PaymentsSystem> StartAsync(
        TestDatabase database, IDictionary<string, string?>? settings = null, CapturedLogs? logs = null, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(database);

        // The clock starts at the real time: Stripe.net checks webhook timestamps against it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var toApi = new LateBoundHandler();
        var simulator = await StartSimulatorAsync(clock, toApi);
        var simulatorServer = simulator.GetTestServer();
        var providerCallsInTransaction = new ConcurrentQueue<string>();

        var configuration = new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = TestTokens.SigningKey,
            ["Auth:Issuer"] = TestTokens.Issuer,
            ["Auth:Audience"] = TestTokens.Audience,
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Stripe:SecretKey"] = StripeSecretKey,
            ["Stripe:ApiBase"] = SimulatorBase,
            ["Stripe:WebhookSecret"] = StripeWebhookSecret,
            ["PayerMax:BaseUrl"] = $"{SimulatorBase}/aggregate-pay/api/gateway",
            ["PayerMax:AppId"] = "ipocto_sim_app",
            ["PayerMax:MerchantNo"] = "SIM010000000001",
            ["PayerMax:MerchantPrivateKey"] = MerchantKeys.PrivateKey,
            ["PayerMax:PayerMaxPublicKey"] = SimulatorKeys.PublicKey,
            ["PayerMax:NotifyUrl"] = $"{ApiBase}/webhooks/payermax",
            ["TopUps:ReturnOrigins:0"] = TopUpRequest.ConsoleOrigin,
            // Tests run reconciliation on demand (POST /api/v1/reconciliation/runs), not on a timer.
            ["Reconciliation:Interval"] = "00:00:00",
            // Refunds and dispute answers are sent when the test delivers what is due (DeliverWebhooksAsync), not on a timer.
            ["RefundDispatch:Interval"] = "00:00:00",
            ["DisputeDispatch:Interval"] = "00:00:00",
            // Expired idempotency keys stay until a test that is about their removal turns the cleanup on.
            ["Idempotency:CleanupInterval"] = "00:00:00",

            // Tests that are not about the rate limit should never meet it.
            ["RateLimits:TopUpsPerMinute"] = "100000",
            // Nor ipocto's own top-up limits: a test of a provider's range, or of many top-ups on one account, meets those first.
            ["TopUps:Limits:MinimumPerTopUp"] = "0.01",
            ["TopUps:Limits:MaximumPerTopUp"] = "100000000.00",
            ["TopUps:Limits:MaximumPerDay"] = "100000000.00",
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

            host.ConfigureTestServices(apiServices =>
            {
                apiServices.AddSingleton<TimeProvider>(clock);
                apiServices.AddHttpClient(DependencyInjection.StripeHttpClient).ConfigurePrimaryHttpMessageHandler(simulatorServer.CreateHandler);
                apiServices.AddHttpClient(DependencyInjection.PayerMaxHttpClient).ConfigurePrimaryHttpMessageHandler(simulatorServer.CreateHandler);
                services?.Invoke(apiServices);
                // Last, so that a gateway a test put in place is guarded too.
                GuardProviderCalls(apiServices, providerCallsInTransaction);
            });
        });
        var system = new PaymentsSystem(database, simulator, NewInstance, clock, providerCallsInTransaction);
        try
        {
            toApi.Target = system.api.Server.CreateHandler();
        }
        catch
        {
            // An API that refuses to start (a setting it rejects) leaves no simulator running behind it.
            await system.DisposeAsync();
            throw;
        }

        return system;
    }

    /// <summary>
    /// Another API instance on the same database, as behind a load balancer; the simulator's webhooks still go to the
    /// first. Returns a client for a caller with the given token (none: anonymous, as providers call).
    /// </summary>
    public PaymentsApiClient AnotherInstance(string? token = null) => StartAnotherInstance()(token);

    /// <summary>Another API instance on the same database; the returned function makes its clients, one per token.</summary>
    public Func<string?, PaymentsApiClient> StartAnotherInstance()
    {
        var instance = newInstance();
        instances.Add(instance);
        return token => Client(instance, token);
    }

    /// <summary>A client of the API with a bearer token for one account, as the console calls it for a customer.</summary>
    public PaymentsApiClient Console(string accountId) => Client(TestTokens.For(accountId, Scopes.Account));

    public PaymentsApiClient Support() => Client(TestTokens.For("support-agent", Scopes.Support));

    public PaymentsApiClient Admin() => Client(TestTokens.For("admin", Scopes.Admin));

    /// <summary>A client of the API as ipocto's billing calls it: debits any account's balance.</summary>
    public PaymentsApiClient Billing() => Client(TestTokens.Billing());

    public PaymentsApiClient Anonymous() => Client(token: null);

    public PaymentsApiClient Client(string? token) => Client(api, token);

    /// <summary>A customer's browser on the simulator's hosted pages, sent back to <see cref="TopUpRequest.ReturnUrl"/>.</summary>
    public HostedPageBrowser Browser() => new(Simulator, new Uri(TopUpRequest.ReturnUrl));

    private static PaymentsApiClient Client(WebApplicationFactory<Program> instance, string? token) =>
        new(new Uri(ApiBase), token, instance.Server.CreateHandler());

    /// <summary>
    /// The provider calls the transaction guard refused so far (see <see cref="GuardProviderCalls"/>), and forgets them. Any
    /// not taken fail the test when the system is disposed: the code under test may have caught the guard's exception.
    /// </summary>
    public IReadOnlyList<string> TakeProviderCallsInTransaction()
    {
        var taken = new List<string>();
        while (providerCallsInTransaction.TryDequeue(out var call))
        {
            taken.Add(call);
        }

        return taken;
    }

    public T SimulatorService<T>()
        where T : notnull => simulator.Services.GetRequiredService<T>();

    /// <summary>
    /// Delivers what is due on the clock, both ways, until nothing is left: the API's recorded refunds and dispute answers go to the
    /// simulator, and the simulator's webhooks and delayed provider actions go to the API (which may record refunds).
    /// Returns how many webhooks were delivered.
    /// </summary>
    public async Task<int> DeliverWebhooksAsync()
    {
        var delivered = 0;
        for (var round = 0; round < 10; round++)
        {
            var sent = await DispatchRefundsAsync() + await DispatchDisputeActionsAsync();
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

    /// <summary>One pass of the API's dispute dispatcher (evidence and acceptances to send); returns how many it took up.</summary>
    public Task<int> DispatchDisputeActionsAsync() => api.Services.GetRequiredService<DisputeActionDispatcher>().DispatchDueAsync(CancellationToken.None);

    /// <summary>Sends the refunds and dispute answers recorded so far, moves the clock and delivers what fell due.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        await DispatchRefundsAsync();
        await DispatchDisputeActionsAsync();
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

        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }

        // Where the guard's exception was caught and logged (the refund dispatcher, a reconciliation run), only this tells.
        var refused = TakeProviderCallsInTransaction();
        if (refused.Count > 0)
        {
            throw new InvalidOperationException(
                $"{refused.Count} provider call(s) were made inside a database transaction:\n{string.Join("\n\n", refused)}");
        }
    }

    /// <summary>
    /// Wraps the API's <see cref="IPaymentGateways"/> so that each provider call first checks that the calling scope's
    /// <see cref="PaymentsDbContext"/> has no transaction open, and throws if it has: a provider can take seconds to answer,
    /// and a transaction held that long holds its connection and its locks. Each registration is moved under a key of its
    /// own, with its lifetime, and the guard takes its place.
    /// </summary>
    private static void GuardProviderCalls(IServiceCollection services, ConcurrentQueue<string> refused)
    {
        var registered = services.Select((descriptor, index) => (descriptor, index))
            .Where(r => r.descriptor.ServiceType == typeof(IPaymentGateways) && !r.descriptor.IsKeyedService)
            .ToList();
        if (registered.Count == 0)
        {
            throw new InvalidOperationException("The API registers no IPaymentGateways: the transaction guard would guard nothing.");
        }

        foreach (var (descriptor, index) in registered)
        {
            var key = $"unguarded-payment-gateways-{index}";
            services[index] = ServiceDescriptor.Scoped<IPaymentGateways>(scope =>
                new TransactionGuardedGateways(scope.GetRequiredKeyedService<IPaymentGateways>(key), scope, refused));
            services.Add(descriptor.ImplementationInstance is { } instance ? new ServiceDescriptor(typeof(IPaymentGateways), key, instance)
                : descriptor.ImplementationFactory is { } factory ? new ServiceDescriptor(typeof(IPaymentGateways), key, (sp, _) => factory(sp), descriptor.Lifetime)
                : new ServiceDescriptor(typeof(IPaymentGateways), key, descriptor.ImplementationType!, descriptor.Lifetime));
        }
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

    private sealed class TransactionGuardedGateways(IPaymentGateways inner, IServiceProvider scope, ConcurrentQueue<string> refused) : IPaymentGateways
    {
        public IPaymentGateway For(PaymentProvider provider) => new TransactionGuardedGateway(inner.For(provider), scope, refused);
    }

    /// <summary>One provider's gateway, checking the scope's database context before each call to the provider.</summary>
    private sealed class TransactionGuardedGateway(IPaymentGateway inner, IServiceProvider scope, ConcurrentQueue<string> refused) : IPaymentGateway
    {
        public PaymentProvider Provider => inner.Provider;

        public int ChargeDecimals(Currency currency) => inner.ChargeDecimals(currency);

        public Task<OpenedSession> OpenSessionAsync(OpenSessionRequest request, CancellationToken cancellationToken)
        {
            Check(nameof(OpenSessionAsync));
            return inner.OpenSessionAsync(request, cancellationToken);
        }

        public Task<SubmittedRefund> RefundAsync(RefundSubmission request, CancellationToken cancellationToken)
        {
            Check(nameof(RefundAsync));
            return inner.RefundAsync(request, cancellationToken);
        }

        public Task<PaymentLookupResult> LookUpPaymentAsync(PaymentLookup lookup, CancellationToken cancellationToken)
        {
            Check(nameof(LookUpPaymentAsync));
            return inner.LookUpPaymentAsync(lookup, cancellationToken);
        }

        public Task<SubmittedRefundStatus?> LookUpRefundAsync(RefundLookup lookup, CancellationToken cancellationToken)
        {
            Check(nameof(LookUpRefundAsync));
            return inner.LookUpRefundAsync(lookup, cancellationToken);
        }

        public Task<DisputeReport?> LookUpDisputeAsync(string providerDisputeId, CancellationToken cancellationToken)
        {
            Check(nameof(LookUpDisputeAsync));
            return inner.LookUpDisputeAsync(providerDisputeId, cancellationToken);
        }

        public Task<IReadOnlyList<ReportedDispute>> ListDisputesAsync(DateTimeOffset since, CancellationToken cancellationToken)
        {
            Check(nameof(ListDisputesAsync));
            return inner.ListDisputesAsync(since, cancellationToken);
        }

        public Task<DisputeReport?> SubmitDisputeEvidenceAsync(DisputeEvidenceSubmission request, CancellationToken cancellationToken)
        {
            Check(nameof(SubmitDisputeEvidenceAsync));
            return inner.SubmitDisputeEvidenceAsync(request, cancellationToken);
        }

        public Task<DisputeReport?> AcceptDisputeAsync(DisputeAcceptance request, CancellationToken cancellationToken)
        {
            Check(nameof(AcceptDisputeAsync));
            return inner.AcceptDisputeAsync(request, cancellationToken);
        }

        private void Check(string call)
        {
            if (scope.GetRequiredService<PaymentsDbContext>().Database.CurrentTransaction is null)
            {
                return;
            }

            var message = $"provider called inside a database transaction: {inner.Provider} {call}, with the scope's transaction open";
            refused.Enqueue($"{message}\n{new StackTrace(1, fNeedFileInfo: true)}");
            throw new InvalidOperationException(message);
        }
    }
}
