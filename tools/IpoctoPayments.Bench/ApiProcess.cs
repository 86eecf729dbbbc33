using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace IpoctoPayments.Bench;

/// <summary>
/// The API's own build, started as a separate process and configured by environment variables as an operator would.
/// Its output goes to a log file, shown when it fails to start.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;

    private ApiProcess(Process process, StreamWriter log, Uri address, string logPath)
    {
        this.process = process;
        this.log = log;
        Address = address;
        LogPath = logPath;
    }

    public Uri Address { get; }

    public string LogPath { get; }

    public int ProcessId => process.Id;

    /// <summary>Starts the API and waits until it is healthy; <paramref name="name"/> names its log, <c>ipocto-bench-{name}-{bench pid}.log</c>.</summary>
    public static async Task<ApiProcess> StartAsync(string assembly, IReadOnlyDictionary<string, string> settings, Uri address, string name)
    {
        var start = StartInfo(assembly, settings);
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        var logPath = Path.Combine(Path.GetTempPath(), $"ipocto-bench-{name}-{Environment.ProcessId}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var api = new ApiProcess(process, log, address, logPath);
        await api.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        return api;
    }

    /// <summary>
    /// The API's <c>migrate</c> command, as a deploy runs it before the instances start: the database's settings only.
    /// Returns what it printed (the migrations it applied); throws with its error output if it fails.
    /// </summary>
    public static async Task<string> MigrateAsync(string assembly, IReadOnlyDictionary<string, string> databaseSettings)
    {
        var start = StartInfo(assembly, databaseSettings);
        start.ArgumentList.Add("migrate");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? (await output).Trim()
            : throw new InvalidOperationException($"The API's migrate command exited with code {process.ExitCode}:\n{await error}");
    }

    /// <summary>The API build beside this one: same configuration, found from the solution folder.</summary>
    public static string DefaultAssembly()
    {
        var configuration = typeof(ApiProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IpoctoPayments.sln")))
            {
                return Path.Combine(directory.FullName, "src", "IpoctoPayments.Api", "bin", configuration, "net10.0", "IpoctoPayments.Api.dll");
            }
        }

        throw new InvalidOperationException("The solution folder was not found above the bench's build; pass --api <IpoctoPayments.Api.dll>.");
    }

    /// <summary>The most memory the process has held at once (VmHWM on Linux), in bytes.</summary>
    public long PeakWorkingSet()
    {
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    /// <summary>CPU time the API has used so far: per request, a figure a busy machine disturbs far less than throughput.</summary>
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    public long WorkingSet()
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        await log.DisposeAsync();
    }

    private static ProcessStartInfo StartInfo(string assembly, IReadOnlyDictionary<string, string> settings)
    {
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"The API build was not found at {assembly}; build the bench (it builds the API) or pass --api.", assembly);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { assembly },
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with code {process.ExitCode} while starting; its output is in {LogPath}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The API did not answer /health within {timeout.TotalSeconds:0} s; its output is in {LogPath}.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
