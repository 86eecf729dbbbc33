using System.Net.Http.Json;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.PayerMax;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace IpoctoPayments.Crash.Tests;

/// <summary>
/// Stripe and PayerMax as the API meets them in production: on a real loopback port (Kestrel), in the test process so
/// they outlive the API's crash. Webhooks wait on the simulator's clock until the test runs what is due; they go out
/// <see cref="ConcurrentDeliveries"/> at a time, through <see cref="Route"/>.
/// </summary>
internal sealed class LoopbackSimulator : IAsyncDisposable
{
    public const string StripeWebhookSecret = "whsec_ipocto_crash_tests";
    public const int ConcurrentDeliveries = 16;

    private readonly WebApplication app;

    private LoopbackSimulator(
        WebApplication app, FakeTimeProvider clock, WebhookRoute route, ProviderRequests requests, Uri address, (string PrivateKey, string PublicKey) merchantKeys, string publicKey)
    {
        this.app = app;
        Clock = clock;
        Route = route;
        Requests = requests;
        Address = address;
        MerchantKeys = merchantKeys;
        PayerMaxPublicKey = publicKey;
        Control = new HttpClient { BaseAddress = address };
    }

    public FakeTimeProvider Clock { get; }

    public WebhookRoute Route { get; }

    /// <summary>Every request that reached the simulator (its provider APIs and its control API), counted as it arrives.</summary>
    public ProviderRequests Requests { get; }

    public Uri Address { get; }

    public (string PrivateKey, string PublicKey) MerchantKeys { get; }

    public string PayerMaxPublicKey { get; }

    /// <summary>The control API, over the same socket a tester's script would use.</summary>
    public HttpClient Control { get; }

    public SimulatorScheduler Scheduler => app.Services.GetRequiredService<SimulatorScheduler>();

    public IReadOnlyList<WebhookDelivery> Deliveries => app.Services.GetRequiredService<WebhookOutbox>().Deliveries;

    public static async Task<LoopbackSimulator> StartAsync()
    {
        var merchantKeys = PayerMaxKeys.GeneratePair();
        var simulatorKeys = PayerMaxKeys.GeneratePair();

        // Stripe.net in the API checks signature timestamps against the wall clock: start there.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var route = new WebhookRoute();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:RunScheduler"] = "false",
            ["Simulator:ConcurrentJobs"] = ConcurrentDeliveries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Simulator:Stripe:WebhookEndpoints:0:Url"] = $"http://{WebhookRoute.ApiName}/webhooks/stripe",
            ["Simulator:Stripe:WebhookEndpoints:0:Secret"] = StripeWebhookSecret,
            ["Simulator:PayerMax:MerchantPublicKey"] = merchantKeys.PublicKey,
            ["Simulator:PayerMax:PrivateKey"] = simulatorKeys.PrivateKey,
            ["Simulator:PayerMax:NotifyUrl"] = $"http://{WebhookRoute.ApiName}/webhooks/payermax",
            ["Simulator:PayerMax:RefundNotifyUrl"] = $"http://{WebhookRoute.ApiName}/webhooks/payermax",
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddProviderSimulator(builder.Configuration);
        builder.Services.AddHttpClient(WebhookOutbox.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => route)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        var app = builder.Build();
        var requests = new ProviderRequests();
        app.Use(async (context, next) =>
        {
            using var arrived = requests.Arrived(context.Request.Method, context.Request.Path);
            await next(context);
        });
        app.MapProviderSimulator();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new LoopbackSimulator(app, clock, route, requests, address, merchantKeys, simulatorKeys.PublicKey);
    }

    /// <summary>The API's provider settings: both providers at this simulator, notifications to the routed name.</summary>
    public Dictionary<string, string> ApiSettings() => new()
    {
        ["Stripe:SecretKey"] = "sk_test_ipocto_crash",
        ["Stripe:ApiBase"] = Address.AbsoluteUri.TrimEnd('/'),
        ["Stripe:WebhookSecret"] = StripeWebhookSecret,
        ["PayerMax:BaseUrl"] = new Uri(Address, "/aggregate-pay/api/gateway").AbsoluteUri,
        ["PayerMax:AppId"] = "ipocto_sim_app",
        ["PayerMax:MerchantNo"] = "SIM010000000001",
        ["PayerMax:MerchantPrivateKey"] = MerchantKeys.PrivateKey,
        ["PayerMax:PayerMaxPublicKey"] = PayerMaxPublicKey,
        ["PayerMax:NotifyUrl"] = $"http://{WebhookRoute.ApiName}/webhooks/payermax",
    };

    /// <summary>
    /// The providers' retries of what was not acknowledged: moves the clock to each next retry (at most a minute away)
    /// and sends what is due, for up to three rounds.
    /// </summary>
    public async Task RunRetriesAsync(TimeSpan deadline)
    {
        for (var round = 0; round < 3 && Scheduler.NextDueAt is { } due; round++)
        {
            if (due > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(due);
            }

            await Scheduler.RunDueAsync().WaitAsync(deadline);
        }
    }

    public async Task PostAsync(string path, object body)
    {
        using var response = await Control.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Route.Dispose();
    }
}
