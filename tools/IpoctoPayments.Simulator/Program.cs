using IpoctoPayments.Simulator.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace IpoctoPayments.Simulator;

/// <summary>The standalone simulator: <c>dotnet run --project tools/IpoctoPayments.Simulator [--urls …]</c>.</summary>
internal static class Program
{
    public const string DefaultUrl = "http://127.0.0.1:12111";

    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddProviderSimulator(builder.Configuration);
        var app = builder.Build();
        app.UseStatusCodePages();
        app.MapProviderSimulator();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? DefaultUrl;
            Console.WriteLine(app.Services.GetRequiredService<SimulatorBanner>().Describe(address.TrimEnd('/')));
        });
        await app.RunAsync();
    }
}
