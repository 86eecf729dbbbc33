using System.Diagnostics;
using System.Text.Json;
using IpoctoPayments.Simulator.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IpoctoPayments.Simulator.Tests.OfficialClients;

/// <summary>
/// "Any official Stripe client pointed at it works unchanged": Stripe's Node.js library (from the npm registry) against
/// the simulator on a real loopback port. Skipped, with the reason, where Node.js or the registry is not at hand.
/// </summary>
public sealed class StripeNodeClientTests
{
    private const string StripeNodeVersion = "23.1.0";

    [SkippableFact]
    public async Task Stripes_node_library_works_against_the_simulator_by_base_address_alone()
    {
        var client = await InstallClientAsync();

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddProviderSimulator(builder.Configuration);
        await using var app = builder.Build();
        app.MapProviderSimulator();
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

        var (exitCode, output) = await RunAsync("node", ["stripe-node-client.mjs"], client, ("SIMULATOR_PORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.True(exitCode == 0, output);
        var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
        var created = result.GetProperty("created");
        Assert.StartsWith("cs_test_", created.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("open", created.GetProperty("status").GetString());
        Assert.Equal($"http://127.0.0.1:{port}/c/pay/{created.GetProperty("id").GetString()}", created.GetProperty("url").GetString());
        Assert.Equal(1500, result.GetProperty("fetchedAmount").GetInt32());
        Assert.Contains(created.GetProperty("id").GetString(), result.GetProperty("listedIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("expired", result.GetProperty("expiredStatus").GetString());
        Assert.Equal("StripeInvalidRequestError", result.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(404, result.GetProperty("error").GetProperty("status").GetInt32());
        Assert.Equal("resource_missing", result.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("checkout.session.expired", result.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["2026-10-28.endive"], result.GetProperty("apiVersions").EnumerateArray().Select(e => e.GetString()));
        var dispute = result.GetProperty("dispute");
        var listed = Assert.Single(dispute.GetProperty("listed").EnumerateArray());
        Assert.Equal("fraudulent", listed.GetProperty("reason").GetString());
        Assert.Equal("needs_response", listed.GetProperty("status").GetString());
        Assert.Equal(2500, listed.GetProperty("amount").GetInt32());
        Assert.StartsWith("pi_", listed.GetProperty("paymentIntent").GetString(), StringComparison.Ordinal);
        Assert.Equal("under_review", dispute.GetProperty("updatedStatus").GetString());
        Assert.Equal("node-1", dispute.GetProperty("updatedMetadata").GetProperty("case").GetString());
    }

    /// <summary>Installs the pinned library into a folder of its own beside the script; installs once per machine.</summary>
    private static async Task<string> InstallClientAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ipocto-payments-stripe-node", StripeNodeVersion);
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "OfficialClients", "stripe-node-client.mjs"), Path.Combine(folder, "stripe-node-client.mjs"), overwrite: true);
        if (File.Exists(Path.Combine(folder, "node_modules", "stripe", "package.json")))
        {
            return folder;
        }

        var (nodeExit, _) = await RunAsync("node", ["--version"], folder);
        Skip.If(nodeExit != 0, "Node.js is not installed here, so Stripe's Node.js library cannot be run against the simulator.");
        var (npmExit, npmOutput) = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--no-save", $"stripe@{StripeNodeVersion}"], folder);
        Skip.If(npmExit != 0, $"npm could not install stripe@{StripeNodeVersion}: {npmOutput}");
        return folder;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, string folder, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        try
        {
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output + await errors);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, exception.Message);
        }
    }
}
