using IpoctoPayments.Simulator.Cli;
using IpoctoPayments.Simulator.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IpoctoPayments.Simulator;

/// <summary>
/// The standalone simulator: <c>ipocto-sim [--urls …]</c> (or <c>dotnet run --project tools/IpoctoPayments.Simulator</c>) runs it;
/// <c>ipocto-sim trigger …</c> and <c>ipocto-sim listen …</c> drive one already running (see <see cref="SimulatorCli"/>).
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

        // The settings beside the program, wherever it is started from: an installed tool runs in the caller's folder.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
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
