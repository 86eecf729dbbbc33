using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace IpoctoPayments.Bench;

/// <summary>Whether every paid order was credited exactly once: postings per order and the balances' total.</summary>
internal sealed record CreditCheck(int Paid, int Credited, int Missing, long Doubles, long BalanceMinorUnits, long ExpectedBalanceMinorUnits);

internal sealed record ScenarioReport(string Name, LoadResult Result, long ApiPeakWorkingSetBytes, TimeSpan ApiCpu, CreditCheck? Credits)
{
    /// <summary>API CPU milliseconds per request (failed ones included).</summary>
    public double ApiCpuMsPerRequest => ApiCpu.TotalMilliseconds / Math.Max(1, Result.Completed + Result.Errors);
}

/// <summary>Where the figures were taken: they mean little without the machine and how busy it was.</summary>
internal sealed record Machine(string Os, int Cores, string Runtime, string? LoadAverage)
{
    public static Machine Describe() => new(
        RuntimeInformation.OSDescription,
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null);
}

internal sealed class BenchReport(BenchOptions options, Machine machine)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public double? PgbenchBefore { get; set; }

    public double? PgbenchAfter { get; set; }

    public List<ScenarioReport> Scenarios { get; } = [];

    /// <summary>The yardstick: the mean of pgbench before and after, so drift on a shared machine shows as their spread.</summary>
    public double? Pgbench => (PgbenchBefore, PgbenchAfter) switch
    {
        ({ } before, { } after) => (before + after) / 2,
        ({ } before, null) => before,
        _ => null,
    };

    public string Header() => Invariant($"""
        ipocto Payments bench: {options.Scenario.ToString().ToLowerInvariant()} on {options.Database.ToString().ToLowerInvariant()}, concurrency {options.Concurrency}, {options.Duration.TotalSeconds:0} s per scenario, {options.Orders:N0} orders
        {machine.Os}, {machine.Cores} cores, {machine.Runtime}, load average {machine.LoadAverage ?? "n/a"}
        """);

    public IEnumerable<string> Problems()
    {
        foreach (var scenario in Scenarios)
        {
            if (scenario.Result.Completed == 0)
            {
                yield return $"{scenario.Name}: no request succeeded.";
            }

            if (scenario.Result.Errors > 0)
            {
                yield return $"{scenario.Name}: {scenario.Result.Errors} requests failed ({string.Join(", ", scenario.Result.ErrorReasons.Select(r => $"{r.Key} ×{r.Value}"))}).";
            }

            if (scenario.Credits is { } credits && (credits.Doubles > 0 || credits.Missing > 0 || credits.BalanceMinorUnits != credits.ExpectedBalanceMinorUnits))
            {
                yield return $"{scenario.Name}: {credits.Doubles} double credits, {credits.Missing} paid orders not credited, balances {credits.BalanceMinorUnits} against {credits.ExpectedBalanceMinorUnits} expected.";
            }
        }
    }

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"{"scenario",-10} {"requests",10} {"errors",7} {"per s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"× pgbench",10} {"API peak MB",12} {"API CPU ms/req",15}"));
        foreach (var s in Scenarios)
        {
            var r = s.Result;
            var ratio = Pgbench is { } tps ? Invariant($"{r.PerSecond / tps:0.00}") : "n/a";
            text.AppendLine(Invariant(
                $"{s.Name,-10} {r.Completed,10:N0} {r.Errors,7:N0} {r.PerSecond,9:N1} {r.Percentile(50),8:0.0} {r.Percentile(95),8:0.0} {r.Percentile(99),8:0.0} {r.MaxMilliseconds,8:0.0} {ratio,10} {s.ApiPeakWorkingSetBytes / 1048576.0,12:0} {s.ApiCpuMsPerRequest,15:0.00}"));
        }

        if (Pgbench is { } yardstick)
        {
            text.AppendLine(Invariant($"pgbench (tpcb-like, {options.Concurrency} clients, same server): {PgbenchBefore:N1} tps before, {PgbenchAfter:N1} after, {yardstick:N1} mean"));
        }

        foreach (var s in Scenarios.Where(s => s.Credits is not null))
        {
            var c = s.Credits!;
            text.AppendLine(Invariant(
                $"exactly once: {c.Paid:N0} orders paid, {c.Credited:N0} credited, {c.Missing} missing, {c.Doubles} doubles; balances {c.BalanceMinorUnits / 100.0:N2} USD, expected {c.ExpectedBalanceMinorUnits / 100.0:N2}"));
        }

        text.Append(Invariant($"load average at the end {Machine.Describe().LoadAverage ?? "n/a"} (it was {machine.LoadAverage ?? "n/a"} at the start)"));
        return text.ToString();
    }

    public string Json() => JsonSerializer.Serialize(
        new
        {
            scenario = options.Scenario.ToString().ToLowerInvariant(),
            database = options.Database.ToString().ToLowerInvariant(),
            options.Concurrency,
            durationSeconds = options.Duration.TotalSeconds,
            options.Orders,
            machine,
            loadAverageAtEnd = Machine.Describe().LoadAverage,
            pgbench = new { before = PgbenchBefore, after = PgbenchAfter, mean = Pgbench },
            scenarios = Scenarios.Select(s => new
            {
                name = s.Name,
                requests = s.Result.Completed,
                errors = s.Result.Errors,
                errorReasons = s.Result.ErrorReasons,
                elapsedSeconds = s.Result.Elapsed.TotalSeconds,
                perSecond = s.Result.PerSecond,
                ratioToPgbench = Pgbench is { } tps ? s.Result.PerSecond / tps : (double?)null,
                latencyMs = new { p50 = s.Result.Percentile(50), p95 = s.Result.Percentile(95), p99 = s.Result.Percentile(99), max = s.Result.MaxMilliseconds },
                apiPeakWorkingSetMb = s.ApiPeakWorkingSetBytes / 1048576.0,
                apiCpuMsPerRequest = s.ApiCpuMsPerRequest,
                ranOutOfOrders = s.Result.RanOut,
                exactlyOnce = s.Credits,
            }),
        },
        JsonOptions);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
