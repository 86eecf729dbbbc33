using IpoctoPayments.Simulator.Core;

namespace IpoctoPayments.Bench;

/// <summary>
/// The provider simulator, hosted in the bench's process on a loopback port: the API reaches it over real HTTP, as it
/// would reach Stripe and PayerMax. It sends no webhooks of its own; the webhook scenario sends them.
/// </summary>
internal sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private SimulatorHost(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<SimulatorHost> StartAsync(BenchKeys keys)
    {
        var address = new Uri($"http://127.0.0.1:{ApiProcess.FreePort()}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls(address.ToString());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:RunScheduler"] = "false",
            ["Simulator:PublicBaseUrl"] = address.ToString().TrimEnd('/'),
            ["Simulator:PayerMax:AppId"] = BenchKeys.AppId,
            ["Simulator:PayerMax:MerchantNo"] = BenchKeys.MerchantNo,
            ["Simulator:PayerMax:MerchantPublicKey"] = keys.MerchantPublicKey,
            ["Simulator:PayerMax:PrivateKey"] = keys.PayerMaxPrivateKey,
        });
        builder.Services.AddProviderSimulator(builder.Configuration);
        var app = builder.Build();
        app.MapProviderSimulator();
        await app.StartAsync();
        return new SimulatorHost(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
