using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Sandbox.Tests;

/// <summary>
/// The sandbox as <c>dotnet run</c> starts it, on a free loopback port and a SQLite file of its own, and a customer's
/// view of it: the console's API calls with the demo token, and a browser on the provider's pages.
/// </summary>
internal sealed class RunningSandbox : IAsyncDisposable
{
    private readonly SandboxHost host;
    private readonly string databaseFile;

    private RunningSandbox(SandboxHost host, string databaseFile)
    {
        this.host = host;
        this.databaseFile = databaseFile;
        Browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseUrl };
        Pages = new HostedPageBrowser(Browser, new Uri(host.BaseUrl, "/"));
        Console = new PaymentsApiClient(host.BaseUrl, token: null);
    }

    public Uri BaseUrl => host.BaseUrl;

    /// <summary>Requests as a browser makes them; redirects are read, not followed.</summary>
    public HttpClient Browser { get; }

    /// <summary>The customer's browser on the hosted pages, until the provider sends them back to the console page.</summary>
    public HostedPageBrowser Pages { get; }

    /// <summary>The console page's calls to the API, with the demo account's token once <see cref="SignInAsync"/> ran.</summary>
    public PaymentsApiClient Console { get; }

    public static async Task<RunningSandbox> StartAsync()
    {
        var databaseFile = Path.Combine(Path.GetTempPath(), "ipocto-sandbox-tests", $"{Guid.NewGuid():N}.db");
        var host = await SandboxHost.StartAsync(["--urls", "http://127.0.0.1:0", $"--Database:ConnectionString=Data Source={databaseFile};Pooling=false"]);
        return new RunningSandbox(host, databaseFile);
    }

    public async Task SignInAsync()
    {
        using var response = await Console.PostAsync(new Uri("/demo/token", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        Console.DefaultRequestHeaders.Authorization = new("Bearer", token);
    }

    /// <summary>Guide step 1: "Top up" on the console page, which answers with the provider's payment page.</summary>
    public Task<JsonElement> TopUpAsync(string amount, string provider, string country, string? paymentMethod) =>
        Console.CreateTopUpAsync(TopUpRequest.For(provider, country, paymentMethod, amount, returnUrl: new Uri(BaseUrl, "/").AbsoluteUri), Guid.NewGuid().ToString("N"));

    /// <summary>Guide step 5: the console page polls the order until the provider's webhook has settled it.</summary>
    public Task<JsonElement> WaitUntilSettledAsync(string topUpId) =>
        WaitForOrderAsync(topUpId, order => order.GetProperty("status").GetString() != "awaiting_payment");

    /// <summary>
    /// The order once <paramref name="done"/> holds for it. Real time is unavoidable here: the sandbox's own background
    /// worker delivers the webhooks, so the wait is bounded instead (10 s, in short steps).
    /// </summary>
    public async Task<JsonElement> WaitForOrderAsync(string topUpId, Func<JsonElement, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (true)
        {
            var order = await Console.TopUpAsync(topUpId);
            if (done(order) || DateTimeOffset.UtcNow > deadline)
            {
                return order;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        Console.Dispose();
        await host.DisposeAsync();
        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            File.Delete(file);
        }
    }
}
