using System.Globalization;

namespace IpoctoPayments.Bench;

/// <summary>
/// The API as a deploy runs it: several instances after its <c>migrate</c> command has run once, with
/// <c>Database:MigrateOnStart=false</c>, each on a port of its own; one instance migrates as it starts, as a single
/// instance does, so <c>--api</c> can still point at a build from before the command. The figures are the instances' together.
/// </summary>
internal sealed class ApiInstances : IAsyncDisposable
{
    private readonly List<ApiProcess> processes = [];

    private ApiInstances()
    {
    }

    public IReadOnlyList<ApiProcess> Processes => processes;

    public IReadOnlyList<Uri> Addresses => [.. processes.Select(p => p.Address)];

    public static async Task<ApiInstances> StartAsync(string assembly, int count, BenchKeys keys, BenchDatabaseServer database, Uri simulator)
    {
        if (count > 1)
        {
            var migrated = await ApiProcess.MigrateAsync(assembly, new Dictionary<string, string>
            {
                ["Database:Provider"] = database.ApiProvider,
                ["Database:ConnectionString"] = database.ConnectionString,
            });
            Console.WriteLine($"migrate: {migrated}");
        }

        var instances = new ApiInstances();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var address = new Uri($"http://127.0.0.1:{ApiProcess.FreePort()}");
                var settings = keys.ApiSettings(database, simulator, address);
                settings["Database:MigrateOnStart"] = count > 1 ? "false" : "true";
                var name = count == 1 ? "api" : string.Create(CultureInfo.InvariantCulture, $"api-{i + 1}");
                instances.processes.Add(await ApiProcess.StartAsync(assembly, settings, address, name));
            }
        }
        catch
        {
            await instances.DisposeAsync();
            throw;
        }

        return instances;
    }

    /// <summary>CPU time all the instances have used so far.</summary>
    public TimeSpan CpuTime() => processes.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.CpuTime());

    /// <summary>The largest instance's peak working set: what one instance needs, comparable across instance counts.</summary>
    public long PeakWorkingSet() => processes.Max(p => p.PeakWorkingSet());

    /// <summary>Each instance's working set now, in MB: "212" or "198+203".</summary>
    public string WorkingSets() => string.Join('+', processes.Select(p => (p.WorkingSet() / 1048576.0).ToString("0", CultureInfo.InvariantCulture)));

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }
    }
}
