using IpoctoPayments.Simulator.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Stripe;

namespace Shop.Tests;

/// <summary>
/// The shop in memory, its Stripe the simulator in memory beside it: Stripe.net calls reach the simulator, the
/// simulator's signed webhooks reach the shop, and the simulator's clock is <see cref="Clock"/>, which the test moves.
/// </summary>
public sealed class ShopFactory : WebApplicationFactory<Program>
{
    public const string WebhookSecret = "whsec_shop_tests";

    private readonly WebApplication simulator;

    private ShopFactory(WebApplication simulator, FakeTimeProvider clock)
    {
        this.simulator = simulator;
        Clock = clock;
        Simulator = simulator.GetTestClient();
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>The simulator's own endpoints: its control API under <c>/_simulator</c>, PayerMax's gateway.</summary>
    public HttpClient Simulator { get; }

    public static async Task<ShopFactory> StartAsync()
    {
        // Starts at the real time: Stripe.net checks a webhook's signature time against the wall clock.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        ShopFactory? shop = null;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:RunScheduler"] = "false", // due webhooks and expiries run when the test asks
            ["Simulator:Stripe:WebhookEndpoints:0:Url"] = "http://localhost/webhooks/stripe",
            ["Simulator:Stripe:WebhookEndpoints:0:Secret"] = WebhookSecret,
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddProviderSimulator(builder.Configuration);
        builder.Services.AddHttpClient(WebhookOutbox.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => shop!.Server.CreateHandler());
        var app = builder.Build();
        app.MapProviderSimulator();
        await app.StartAsync();
        return shop = new ShopFactory(app, clock);
    }

    /// <summary>Runs what is due on the simulator's clock now: webhook attempts, expiries.</summary>
    public async Task RunDueAsync() => (await Simulator.PostAsync("/_simulator/run-due", null)).EnsureSuccessStatusCode();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Stripe:WebhookSecret", WebhookSecret);
        builder.ConfigureServices(services =>
        {
            // The shop's clock is the simulator's: a webhook signed after the test moved it is not too old or too new.
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStripeClient>(new StripeClient(new StripeClientOptions
            {
                ApiKey = "sk_test_shop",
                ApiBase = "http://localhost",
                HttpClient = new SystemNetHttpClient(simulator.GetTestClient()),
            }));
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Simulator.Dispose();
        await simulator.DisposeAsync();
    }
}
