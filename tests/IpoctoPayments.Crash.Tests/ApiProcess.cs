using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Crash.Tests;

/// <summary>
/// The API's own build output started with <c>dotnet</c> as a separate process, configured only through environment
/// variables, as a deployment runs it; it listens on a free loopback port it reports on standard output.
/// </summary>
internal sealed partial class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly List<string> lines;
    private bool disposed;

    private ApiProcess(Process process, List<string> lines, Uri baseAddress)
    {
        this.process = process;
        this.lines = lines;
        BaseAddress = baseAddress;
    }

    /// <summary>The errors the process logged so far (the console logger's "fail:" entries with their exceptions).</summary>
    public string Failures
    {
        get
        {
            lock (lines)
            {
                var failures = new List<string>();
                var inFailure = false;
                foreach (var line in lines)
                {
                    inFailure = line.StartsWith("fail:", StringComparison.Ordinal) || (inFailure && line.StartsWith(' '));
                    if (inFailure)
                    {
                        failures.Add(line);
                    }
                }

                return string.Join('\n', failures);
            }
        }
    }

    /// <summary>Everything the process wrote so far, standard output and error together.</summary>
    public string Output
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines);
            }
        }
    }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    /// <summary>Where <c>dotnet build</c> left the API (recorded in this assembly when it was built).</summary>
    public static string HostPath { get; } = typeof(ApiProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ApiHost").Value!;

    /// <summary>
    /// An API on the test's database calling the simulator's providers: the test tokens' keys, the tests' console origin, no
    /// reconciliation timer, no rate limit in the way, and the USD to PHP rate a GCash top-up needs.
    /// </summary>
    public static Dictionary<string, string> Settings(TestDatabase database, LoopbackSimulator simulator)
    {
        var settings = simulator.ApiSettings();
        foreach (var (key, value) in DatabaseSettings(database))
        {
            settings[key] = value;
        }

        settings["Auth:SigningKey"] = TestTokens.SigningKey;
        settings["Auth:Issuer"] = TestTokens.Issuer;
        settings["Auth:Audience"] = TestTokens.Audience;
        settings["TopUps:ReturnOrigins:0"] = TopUpRequest.ConsoleOrigin;
        settings["Reconciliation:Interval"] = "00:00:00";
        settings["RateLimits:TopUpsPerMinute"] = "100000";
        settings["ExchangeRates:Rates:USD:PHP"] = "56.25";
        return settings;
    }

    /// <summary>The database's settings alone: all that a deploy step running the <c>migrate</c> command holds.</summary>
    public static Dictionary<string, string> DatabaseSettings(TestDatabase database) => new()
    {
        ["Database:Provider"] = database.Provider.ToString(),
        ["Database:ConnectionString"] = database.ConnectionString,
    };

    /// <summary>Starts the API and returns once it listens and <c>/health</c> answers 200.</summary>
    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var start = StartInfo(settings, []);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var lines = new List<string>();
        void Read(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (lines)
            {
                lines.Add(line);
            }

            if (ListeningOn().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The API exited with {process.ExitCode}."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        Uri address;
        try
        {
            address = await listening.Task.WaitAsync(StartTimeout);
        }
        catch (Exception exception) when (exception is TimeoutException or InvalidOperationException)
        {
            process.Kill(entireProcessTree: true);
            string log;
            lock (lines)
            {
                log = string.Join('\n', lines);
            }

            throw new InvalidOperationException($"The API did not start: {exception.Message}\n{log}", exception);
        }

        var api = new ApiProcess(process, lines, address);
        await Poll.UntilAsync(() => api.IsHealthyAsync(), StartTimeout, "the API's /health to answer 200");
        return api;
    }

    /// <summary>Whether the process wrote a line containing <paramref name="text"/>.</summary>
    public bool Logged(string text) => LoggedCount(text) > 0;

    /// <summary>How many lines the process wrote containing <paramref name="text"/>.</summary>
    public int LoggedCount(string text)
    {
        lock (lines)
        {
            return lines.Count(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>SIGTERM, as a container orchestrator stops an instance; returns at once, before the process has exited.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the process to end by itself; returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        await process.WaitForExitAsync().WaitAsync(timeout);
        return process.ExitCode;
    }

    /// <summary>
    /// Runs the API's build with <paramref name="arguments"/> (the <c>migrate</c> command, or a start that should fail)
    /// until it exits by itself, and returns what it said.
    /// </summary>
    public static async Task<ExitedProcess> RunToExitAsync(IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(settings, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The API ({string.Join(' ', arguments)}) did not exit within {StartTimeout.TotalSeconds:0} s.\n{await output}\n{await error}");
        }

        return new ExitedProcess(process.ExitCode, await output, await error);
    }

    /// <summary>SIGKILL: no shutdown hooks, no draining, requests cut wherever they are.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    /// <summary>Kills the process (<see cref="Kill"/>) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        Kill();
        await process.WaitForExitAsync().WaitAsync(StartTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> settings, IEnumerable<string> arguments)
    {
        var host = Path.GetFullPath(HostPath);
        Assert.True(File.Exists(host), $"The API is not built at {host}; build the solution first.");
        // The SDK names the dotnet host it runs tests with; outside it, the one on PATH.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [host, .. arguments])
        {
            WorkingDirectory = Path.GetDirectoryName(host)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__ColorBehavior"] = "Disabled";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    private async Task<bool> IsHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}

/// <summary>A run of the API's build that ended: its exit code and what it wrote to standard output and standard error.</summary>
internal sealed record ExitedProcess(int ExitCode, string Output, string Error);
