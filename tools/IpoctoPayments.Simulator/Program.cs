using IpoctoPayments.Simulator.Cli;
using IpoctoPayments.Simulator.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace IpoctoPayments.Simulator;

/// <summary>
/// The standalone simulator: <c>dotnet run --project tools/IpoctoPayments.Simulator [--urls …]</c> runs it;
/// <c>… -- trigger …</c> and <c>… -- listen …</c> drive one already running (see <see cref="SimulatorCli"/>).
/// </summary>
internal static class Program
{
    public const string DefaultUrl = "http://127.0.0.1:12111";

    public static async Task<int> Main(string[] args)
    {
        if (SimulatorCli.Handles(args))
        {
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            var clients = new List<HttpClient>();
            try
            {
                return await SimulatorCli.RunAsync(args, Console.Out, Console.Error, url =>
                {
                    var client = new HttpClient { BaseAddress = url };
                    clients.Add(client);
                    return client;
                }, stop.Token);
            }
            finally
            {
                clients.ForEach(c => c.Dispose());
            }
        }

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
        return 0;
    }
}
