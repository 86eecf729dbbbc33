using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace IpoctoPayments.Sandbox.Tests;

/// <summary>
/// The sandbox as <c>dotnet run</c> starts it, on a free loopback port and a SQLite file of its own, and a customer's
/// view of it: the console's API calls with the demo token, and a browser that does not follow redirects by itself.
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
        Console = new HttpClient { BaseAddress = host.BaseUrl };
    }

    public Uri BaseUrl => host.BaseUrl;

    /// <summary>Pages and form posts, as a browser makes them; redirects are read, not followed.</summary>
    public HttpClient Browser { get; }

    /// <summary>The console page's calls to the API, with the demo account's token once <see cref="SignInAsync"/> ran.</summary>
    public HttpClient Console { get; }

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
        Console.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Guide step 1: "Top up" on the console page, which answers with the provider's payment page.</summary>
    public async Task<JsonElement> TopUpAsync(string amount, string provider, string country, string? paymentMethod)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/topups")
        {
            Content = JsonContent.Create(new
            {
                amount = new { amount, currency = "USD" },
                provider,
                country,
                paymentMethod,
                returnUrl = new Uri(BaseUrl, "/").AbsoluteUri,
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await Console.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

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
            var order = await GetJsonAsync($"/api/v1/topups/{topUpId}");
            if (done(order) || DateTimeOffset.UtcNow > deadline)
            {
                return order;
            }

            await Task.Delay(100);
        }
    }

    public Task<JsonElement> GetJsonAsync(string path) => Console.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));

    public async Task<string> BalanceAsync() =>
        (await GetJsonAsync("/api/v1/balance")).GetProperty("available").GetProperty("amount").GetString()!;

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
