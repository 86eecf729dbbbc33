using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using HdrHistogram;

namespace IpoctoPayments.Bench;

/// <summary>
/// What one request came to: done, failed (with a short reason), or nothing left to send. A refusal the service owes
/// (a debit the balance does not cover) is done, with its code: an answer as expected, not an error.
/// </summary>
internal readonly record struct Attempt(bool Done, string? Error = null, string? Refusal = null)
{
    public static readonly Attempt Ok = new(true);
    public static readonly Attempt Exhausted = new(false);

    public static Attempt Failed(string reason) => new(false, reason);

    public static Attempt Refused(string code) => new(true, Refusal: code);
}

/// <summary>Completed counts the refused requests too; <see cref="Refused"/> says how many of them there were.</summary>
internal sealed record LoadResult(
    long Completed, long Errors, TimeSpan Elapsed, LongHistogram Latency, IReadOnlyDictionary<string, long> ErrorReasons, IReadOnlyDictionary<string, long> Refusals, bool RanOut)
{
    public long Refused => Refusals.Values.Sum();

    public double PerSecond => Completed / Elapsed.TotalSeconds;

    public double Percentile(double percentile) => Latency.TotalCount == 0 ? 0 : Latency.GetValueAtPercentile(percentile) / 1000.0;

    public double MaxMilliseconds => Latency.TotalCount == 0 ? 0 : Latency.GetMaxValue() / 1000.0;
}

/// <summary>Runs one operation at a fixed concurrency for a fixed time (or until it runs out), timing every call.</summary>
internal static class LoadRunner
{
    // Microseconds, up to a minute, three significant digits.
    private const long HighestMicroseconds = 60_000_000;

    public static async Task<LoadResult> RunAsync(string name, int concurrency, TimeSpan duration, Func<CancellationToken, Task<Attempt>> operation, Func<string> status)
    {
        var histograms = Enumerable.Range(0, concurrency).Select(_ => new LongHistogram(HighestMicroseconds, 3)).ToArray();
        var reasons = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var refusals = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        long completed = 0, errors = 0;
        var ranOut = false;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();

        async Task Worker(LongHistogram histogram)
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                Attempt attempt;
                try
                {
                    attempt = await operation(CancellationToken.None);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
                {
                    attempt = Attempt.Failed(exception.GetType().Name);
                }

                if (attempt == Attempt.Exhausted)
                {
                    ranOut = true;
                    await stop.CancelAsync();
                    return;
                }

                var micros = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                histogram.RecordValue(Math.Clamp(micros, 1, HighestMicroseconds));
                if (attempt.Done)
                {
                    Interlocked.Increment(ref completed);
                    if (attempt.Refusal is { } code)
                    {
                        refusals.AddOrUpdate(code, 1, (_, n) => n + 1);
                    }
                }
                else
                {
                    Interlocked.Increment(ref errors);
                    reasons.AddOrUpdate(attempt.Error ?? "error", 1, (_, n) => n + 1);
                }
            }
        }

        var workers = histograms.Select(h => Task.Run(() => Worker(h))).ToArray();
        var all = Task.WhenAll(workers);
        var last = 0L;
        while (await Task.WhenAny(all, Task.Delay(1000)) != all)
        {
            var now = Interlocked.Read(ref completed);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-10} {clock.Elapsed.TotalSeconds,5:0} s {now,9:N0} ok {Interlocked.Read(ref errors),6:N0} errors {now - last,7:N0}/s   {status()}"));
            last = now;
        }

        await all;
        var elapsed = clock.Elapsed;
        var latency = new LongHistogram(HighestMicroseconds, 3);
        foreach (var histogram in histograms)
        {
            latency.Add(histogram);
        }

        return new LoadResult(completed, errors, elapsed, latency, reasons, refusals, ranOut);
    }
}
