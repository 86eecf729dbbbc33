using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace IpoctoPayments.Bench;

internal sealed record ScenarioReport(string Name, LoadResult Result, long ApiPeakWorkingSetBytes, TimeSpan ApiCpu, BookCheck? Books)
{
    /// <summary>API CPU milliseconds per request (failed ones included), summed over the instances; the peak is the largest instance's.</summary>
    public double ApiCpuMsPerRequest => ApiCpu.TotalMilliseconds / Math.Max(1, Result.Completed + Result.Errors);

    /// <summary>Counted apart from the measured phase, on PostgreSQL only (SQLite runs in the API's process).</summary>
    public RoundTrips? DatabaseRoundTrips { get; init; }
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

    /// <summary>Gives the scenario of that name, if it ran, the round trips counted for its kind of request.</summary>
    public void AttachRoundTrips(string scenario, RoundTrips trips)
    {
        var index = Scenarios.FindIndex(s => s.Name == scenario);
        if (index >= 0)
        {
            Scenarios[index] = Scenarios[index] with { DatabaseRoundTrips = trips };
        }
    }

    public DebitTally? Debits { get; set; }

    /// <summary>The yardstick: the mean of pgbench before and after, so drift on a shared machine shows as their spread.</summary>
    public double? Pgbench => (PgbenchBefore, PgbenchAfter) switch
    {
        ({ } before, { } after) => (before + after) / 2,
        ({ } before, null) => before,
        _ => null,
    };

    public string Header() => Invariant($"""
        ipocto Payments bench: {options.Scenario.ToString().ToLowerInvariant()} on {options.Database.ToString().ToLowerInvariant()}, {options.Instances} API instance{(options.Instances == 1 ? "" : "s")}, concurrency {options.Concurrency}, {options.Duration.TotalSeconds:0} s per scenario, {options.Orders:N0} orders, {options.Accounts:N0} accounts, {options.DebitsPer10} debits in 10 webhook-scenario requests
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

            if (scenario.Books is { Holds: false } books)
            {
                yield return $"{scenario.Name}: {books.Doubles} double credits, {books.Missing} paid orders not credited, {books.DebitsInLedger} debits in the ledger against {books.DebitsPosted} posted, "
                    + $"{books.AccountsOff} accounts off, balances {books.BalanceMinorUnits} against {books.ExpectedBalanceMinorUnits} expected.";
            }
        }
    }

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant(
            $"{"scenario",-10} {"requests",10} {"errors",7} {"refused",8} {"per s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"× pgbench",10} {"API peak MB",12} {"API CPU ms/req",15} {"DB trips/req",13}"));
        foreach (var s in Scenarios)
        {
            var r = s.Result;
            var ratio = Pgbench is { } tps ? Invariant($"{r.PerSecond / tps:0.00}") : "n/a";
            var trips = s.DatabaseRoundTrips is { } counted ? Invariant($"{counted.PerRequest:0.00}") : "not measured";
            text.AppendLine(Invariant(
                $"{s.Name,-10} {r.Completed,10:N0} {r.Errors,7:N0} {r.Refused,8:N0} {r.PerSecond,9:N1} {r.Percentile(50),8:0.0} {r.Percentile(95),8:0.0} {r.Percentile(99),8:0.0} {r.MaxMilliseconds,8:0.0} {ratio,10} {s.ApiPeakWorkingSetBytes / 1048576.0,12:0} {s.ApiCpuMsPerRequest,15:0.00} {trips,13}"));
        }

        if (Pgbench is { } yardstick)
        {
            text.AppendLine(Invariant($"pgbench (tpcb-like, {options.Concurrency} clients, same server): {PgbenchBefore:N1} tps before, {PgbenchAfter:N1} after, {yardstick:N1} mean"));
        }

        foreach (var s in Scenarios.Where(s => s.Books is not null))
        {
            var b = s.Books!;
            text.AppendLine(Invariant($"exactly once: {b.Paid:N0} orders paid, {b.Credited:N0} credited, {b.Missing} missing, {b.Doubles} doubles"));
            text.AppendLine(Invariant(
                $"books: {b.DebitsPosted:N0} debits posted ({b.DebitedMinorUnits / 100.0:N2} USD), {b.DebitsInLedger:N0} in the ledger; balances {b.BalanceMinorUnits / 100.0:N2} USD, expected {b.ExpectedBalanceMinorUnits / 100.0:N2}; {b.AccountsOff} accounts off"));
        }

        if (Debits is { } d)
        {
            text.AppendLine(Invariant(
                $"debits (warm-up included): {d.Posted:N0} posted, {d.Refused:N0} refused for insufficient balance, {d.Replayed:N0} replays answered with the same debit"));
        }

        foreach (var s in Scenarios.Where(s => s.DatabaseRoundTrips is not null))
        {
            var trips = s.DatabaseRoundTrips!;
            text.AppendLine(Invariant(
                $"database round trips, {s.Name}: {trips.Turnarounds:N0} over {trips.Requests} requests sent one at a time through a counting proxy, on a second API process after the measured phases"));
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
            options.Accounts,
            options.DebitsPer10,
            options.Instances,
            machine,
            loadAverageAtEnd = Machine.Describe().LoadAverage,
            pgbench = new { before = PgbenchBefore, after = PgbenchAfter, mean = Pgbench },
            scenarios = Scenarios.Select(s => new
            {
                name = s.Name,
                requests = s.Result.Completed,
                errors = s.Result.Errors,
                errorReasons = s.Result.ErrorReasons,
                refused = s.Result.Refused,
                refusals = s.Result.Refusals,
                elapsedSeconds = s.Result.Elapsed.TotalSeconds,
                perSecond = s.Result.PerSecond,
                ratioToPgbench = Pgbench is { } tps ? s.Result.PerSecond / tps : (double?)null,
                latencyMs = new { p50 = s.Result.Percentile(50), p95 = s.Result.Percentile(95), p99 = s.Result.Percentile(99), max = s.Result.MaxMilliseconds },
                apiPeakWorkingSetMb = s.ApiPeakWorkingSetBytes / 1048576.0,
                apiCpuMsPerRequest = s.ApiCpuMsPerRequest,
                databaseRoundTripsPerRequest = s.DatabaseRoundTrips?.PerRequest,
                databaseRoundTrips = s.DatabaseRoundTrips,
                ranOutOfOrders = s.Result.RanOut,
                books = s.Books,
            }),
            debits = Debits,
        },
        JsonOptions);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
