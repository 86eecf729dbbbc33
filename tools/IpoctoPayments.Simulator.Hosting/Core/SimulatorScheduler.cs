using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.Core;

/// <summary>
/// Work that happens later on the simulator's clock: webhook attempts and their retries, delayed captures,
/// expiries. Due jobs run in the background (<see cref="SimulatorWorker"/>) or when a test calls
/// <see cref="RunDueAsync"/> after moving its <see cref="TimeProvider"/>. Jobs run one at a time in due order unless
/// <see cref="SimulatorOptions.ConcurrentJobs"/> lets several run at once, as a provider sends webhooks in parallel.
/// </summary>
public sealed class SimulatorScheduler(TimeProvider clock, IOptions<SimulatorOptions> options, ILogger<SimulatorScheduler> logger) : IDisposable
{
    private readonly Lock gate = new();
    private readonly SemaphoreSlim runGate = new(1, 1);
    private readonly List<ScheduledJob> jobs = [];
    private long sequence;
    private TaskCompletionSource changed = NewSignal();

    public DateTimeOffset Now => clock.GetUtcNow();

    public void ScheduleAfter(TimeSpan delay, string description, Func<CancellationToken, Task> action) =>
        Schedule(Now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), description, action);

    public void Schedule(DateTimeOffset dueAt, string description, Func<CancellationToken, Task> action)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            jobs.Add(new ScheduledJob(dueAt, ++sequence, description, action));
            signal = changed;
            changed = NewSignal();
        }

        signal.TrySetResult();
    }

    /// <summary>When the next job falls due, or null when none is waiting.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            lock (gate)
            {
                return jobs.Count == 0 ? null : jobs.Min(j => j.DueAt);
            }
        }
    }

    public int Pending
    {
        get
        {
            lock (gate)
            {
                return jobs.Count;
            }
        }
    }

    /// <summary>Runs every job due now, including those the running jobs schedule for now; returns how many ran.</summary>
    public Task<int> RunDueAsync(CancellationToken cancellationToken = default) => RunDueByAsync(null, cancellationToken);

    /// <summary>
    /// Fast-forwards: runs now, in due order, every job due within <paramref name="span"/> (webhook retries, late
    /// captures, expiries), including those the running jobs schedule within it; the clock itself does not move.
    /// </summary>
    public Task<int> RunDueWithinAsync(TimeSpan span, CancellationToken cancellationToken = default) =>
        RunDueByAsync(Now + span, cancellationToken);

    private async Task<int> RunDueByAsync(DateTimeOffset? until, CancellationToken cancellationToken)
    {
        await runGate.WaitAsync(cancellationToken);
        try
        {
            var width = Math.Max(1, options.Value.ConcurrentJobs);
            var running = new List<Task>();
            var ran = 0;
            while (true)
            {
                while (running.Count < width && TakeNextDue(until) is { } job)
                {
                    running.Add(RunAsync(job, cancellationToken));
                }

                if (running.Count == 0)
                {
                    return ran;
                }

                var done = await Task.WhenAny(running);
                running.Remove(done);
                await done;
                ran++;
            }
        }
        finally
        {
            runGate.Release();
        }
    }

    /// <summary>Completes when a job is scheduled or the next one falls due on the clock.</summary>
    public async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        Task signal;
        lock (gate)
        {
            signal = changed.Task;
        }

        var next = NextDueAt;
        if (next is null)
        {
            await signal.WaitAsync(cancellationToken);
            return;
        }

        var wait = next.Value - Now;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await Task.WhenAny(signal, Task.Delay(wait, clock, stop.Token));
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Clear()
    {
        lock (gate)
        {
            jobs.Clear();
        }
    }

    private async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        try
        {
            await job.Action(cancellationToken);
        }
#pragma warning disable CA1031 // one failing job must not stop the others or the host
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "Simulator job {Job} failed", job.Description);
        }
    }

    private ScheduledJob? TakeNextDue(DateTimeOffset? until)
    {
        lock (gate)
        {
            var now = until ?? Now;
            ScheduledJob? next = null;
            foreach (var job in jobs)
            {
                if (job.DueAt <= now && (next is null || (job.DueAt, job.Sequence).CompareTo((next.DueAt, next.Sequence)) < 0))
                {
                    next = job;
                }
            }

            if (next is not null)
            {
                jobs.Remove(next);
            }

            return next;
        }
    }

    public void Dispose() => runGate.Dispose();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record ScheduledJob(DateTimeOffset DueAt, long Sequence, string Description, Func<CancellationToken, Task> Action);
}
