using IpoctoPayments.Sandbox;
using Microsoft.Playwright;

namespace IpoctoPayments.Browser.Tests.Support;

/// <summary>
/// One sandbox (on a free port and a SQLite file of its own) and one headless Chromium, shared by the tests of a class:
/// starting them is the slow part. Each test gets a fresh browser context, so no cookie or page state is shared; the
/// sandbox's demo account is, so tests read the balance before and after rather than assume it.
/// </summary>
public sealed class SandboxInChromium : IAsyncDisposable
{
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), "ipocto-browser-tests", $"{Guid.NewGuid():N}.db");
    private readonly SemaphoreSlim starting = new(1, 1);
    private SandboxHost? sandbox;
    private IPlaywright? playwright;
    private IBrowser? browser;

    static SandboxInChromium()
    {
        // The console polls the order once a second until the provider's webhook settled it; a few seconds is normal.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>A new customer at the console: a browser context of their own, with one page.</summary>
    public async Task<Customer> NewCustomerAsync(string scenario)
    {
        Chromium.SkipUnlessInstalled();
        var (host, chromium) = await StartAsync();
        var context = await chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl.AbsoluteUri,
            ViewportSize = new ViewportSize { Width = Customer.Width, Height = Customer.Height },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        // Every step is seconds at most; a missing element fails the test well before xUnit's patience runs out.
        context.SetDefaultTimeout(10_000);
        return new Customer(context, await context.NewPageAsync(), Screenshots.Folder(scenario));
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
            foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
            {
                File.Delete(file);
            }
        }

        starting.Dispose();
    }

    private async Task<(SandboxHost Sandbox, IBrowser Browser)> StartAsync()
    {
        await starting.WaitAsync();
        try
        {
            // Both take seconds and neither needs the other until a page is opened. What started is kept (and disposed)
            // even when the other failed.
            var host = sandbox is null ? StartSandboxAsync() : Task.FromResult(sandbox);
            var chromium = browser is null ? LaunchAsync() : Task.FromResult(browser);
            try
            {
                await Task.WhenAll(host, chromium);
            }
            finally
            {
                sandbox = host.IsCompletedSuccessfully ? host.Result : sandbox;
                browser = chromium.IsCompletedSuccessfully ? chromium.Result : browser;
            }

            return (sandbox!, browser!);
        }
        finally
        {
            starting.Release();
        }
    }

    private Task<SandboxHost> StartSandboxAsync() => SandboxHost.StartAsync(
    [
        "--urls", "http://127.0.0.1:0",
        $"--Database:ConnectionString=Data Source={databaseFile};Pooling=false",
        "--Logging:LogLevel:Default=Warning",
    ]);

    private async Task<IBrowser> LaunchAsync()
    {
        playwright ??= await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Headless = true,
            Args = Chromium.Arguments,
        });
    }
}
