using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace IpoctoPayments.Bench;

/// <summary>
/// PostgreSQL's own benchmark on the same server, as the yardstick: TPC-B-like transactions at the bench's client
/// count, scale factor equal to it (pgbench's advice, so clients do not all queue on one branch row), in a database of its own.
/// </summary>
internal sealed partial class Pgbench : IAsyncDisposable
{
    private readonly string server;
    private readonly string database;
    private readonly string executable;

    private Pgbench(string server, string database, string executable)
    {
        this.server = server;
        this.database = database;
        this.executable = executable;
    }

    public static async Task<Pgbench> InitialiseAsync(string server, int scale)
    {
        var executable = Find() ?? throw new InvalidOperationException("pgbench was not found on PATH or under /usr/lib/postgresql; install PostgreSQL's client tools.");
        var database = $"ipocto_pgbench_{Guid.NewGuid():N}"[..26];
        await BenchDatabaseServer.CreatePostgresDatabaseAsync(server, database);
        var pgbench = new Pgbench(server, database, executable);
        await pgbench.RunAsync(["-i", "-q", "-s", scale.ToString(CultureInfo.InvariantCulture)]);
        return pgbench;
    }

    /// <summary>Transactions per second over the duration (pgbench's figure without connection set-up).</summary>
    public async Task<double> MeasureAsync(int clients, TimeSpan duration)
    {
        var threads = Math.Min(clients, Environment.ProcessorCount);
        var output = await RunAsync(["-c", Text(clients), "-j", Text(threads), "-T", Text((int)duration.TotalSeconds), "-P", "5"]);
        var match = TpsLine().Match(output);
        return match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"pgbench printed no tps line:\n{output}");
    }

    public async ValueTask DisposeAsync() => await BenchDatabaseServer.DropPostgresDatabaseAsync(server, database);

    private async Task<string> RunAsync(IEnumerable<string> arguments)
    {
        var connection = new NpgsqlConnectionStringBuilder(server);
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in new[] { "-h", connection.Host ?? "127.0.0.1", "-p", Text(connection.Port), "-U", connection.Username ?? "postgres", database })
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = ReportProgressAsync(process.StandardError);
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"pgbench failed with exit code {process.ExitCode}:\n{output}");
    }

    // pgbench reports progress (-P) on standard error; it is passed on so a long run shows it is alive.
    private static async Task<string> ReportProgressAsync(StreamReader stderr)
    {
        var all = new System.Text.StringBuilder();
        while (await stderr.ReadLineAsync() is { } line)
        {
            all.AppendLine(line);
            if (line.StartsWith("progress:", StringComparison.Ordinal))
            {
                Console.WriteLine($"  pgbench    {line}");
            }
        }

        return all.ToString();
    }

    private static string? Find()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "pgbench"))
            .FirstOrDefault(File.Exists);
        return path ?? (Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin", "pgbench")).FirstOrDefault(File.Exists)
            : null);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}
