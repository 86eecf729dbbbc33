using IpoctoPayments.Api;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Simulator.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration.Memory;

namespace IpoctoPayments.Sandbox;

/// <summary>
/// The sandbox: the real API composition and the provider simulator in one host, on a SQLite file, with the demo
/// console page. The API calls the simulator at the host's own address, and the simulator sends its webhooks there.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private SandboxHost(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the console page is, and the base of every other address.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Builds and starts the sandbox; <paramref name="args"/> take the usual <c>--urls</c> and <c>--Section:Key=value</c> overrides.</summary>
    public static async Task<SandboxHost> StartAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        var urls = SandboxUrls.Resolve(builder.Configuration[WebHostDefaults.ServerUrlsKey]);
        builder.WebHost.UseUrls([.. urls]);
        var addresses = urls.Select(SandboxUrls.Public).ToList();
        var baseUrl = addresses[0];
        ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = SandboxSettings.For(addresses, builder.Environment.ContentRootPath),
        });
        CreateDatabaseFolder(builder.Configuration);

        builder.AddPaymentsApi();
        builder.Services.AddProviderSimulator(builder.Configuration);

        var app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        await app.UsePaymentsApiAsync();
        app.MapProviderSimulator();
        app.MapDemoEndpoints();
        await app.StartAsync(cancellationToken);
        return new SandboxHost(app, baseUrl);
    }

    /// <summary>Every address a developer needs, and the simulator's keys and secrets.</summary>
    public string Describe()
    {
        var own = BaseUrl.GetLeftPart(UriPartial.Authority);
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        // Only SQLite's file is shown: another engine's connection string may hold a password.
        var database = SqliteFile(configuration) is { } file ? $"SQLite file {file}" : DatabaseOf(configuration).Provider.ToString();
        return $"""
            ipocto Payments sandbox (offline; the real API + the provider simulator in one process)
              Console page           {own}/
              API base               {own}/api/v1   (demo token: POST {own}/demo/token)
              API reference          {own}/scalar/v1   (OpenAPI: {own}/openapi/v1.json)
              Health                 {own}/health   (also /health/live and /health/ready)
              Simulator control API  {own}/_simulator   (OpenAPI: {own}/_simulator/openapi/simulator.json)
              Stripe API base        {configuration["Stripe:ApiBase"]}
              PayerMax gateway       {configuration["PayerMax:BaseUrl"]}
              Database               {database}

            {app.Services.GetRequiredService<SimulatorBanner>().Describe(own)}
            """;
    }

    public Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>SQLite creates the file but not its folder.</summary>
    private static void CreateDatabaseFolder(IConfiguration configuration)
    {
        if (SqliteFile(configuration) is { } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }
    }

    private static string? SqliteFile(IConfiguration configuration)
    {
        var database = DatabaseOf(configuration);
        return database.Provider == DatabaseProvider.Sqlite
            ? Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource)
            : null;
    }

    private static DatabaseOptions DatabaseOf(IConfiguration configuration) =>
        configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
}
