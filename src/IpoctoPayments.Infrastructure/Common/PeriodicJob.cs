using IpoctoPayments.Infrastructure.Common.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Infrastructure.Common;

/// <summary>
/// A background job that runs one pass every <c>interval</c> on the clock (tests move it), for the whole service by
/// default: every instance wakes when the pass is due, one takes it (<see cref="JobLeases"/>), the others wait for the
/// next. The holder renews its lease while the pass runs; if it dies, the lease runs out and another instance runs the
/// pass again. On stopping, a pass ends where it stands and its lease is given up for another instance. A job whose
/// items carry leases of their own may run on every instance instead (a null <see cref="Key"/>). Zero turns the
/// job off. A pass that fails is logged and the next one tries again: the job must outlive, say, the database restarting.
/// </summary>
internal abstract class PeriodicJob(TimeSpan interval, JobLeases leases, ILogger logger) : BackgroundService
{
    private readonly TimeSpan lease = leases.Lease;

    protected TimeProvider Clock => leases.Clock;

    /// <summary>
    /// The job's name in the schedule every instance shares, never renamed (two names would each run); null for a job
    /// whose items are leased one by one, which runs on every instance side by side.
    /// </summary>
    protected abstract string? Key { get; }

    protected abstract string Name { get; }

    protected abstract Task RunPassAsync(CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        if (Key is not { } key)
        {
            using var timer = new PeriodicTimer(interval, Clock);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RunLoggedAsync(stoppingToken);
            }

            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = await TakeTurnAsync(key, stoppingToken) - Clock.GetUtcNow();
            // A pass given up between the two reads of the schedule is due already: look again at once. Otherwise wait,
            // never longer than an interval, so a schedule changed by hand is picked up.
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(Min(wait, interval), Clock, stoppingToken);
            }
        }
    }

    /// <summary>Runs the pass if it is due and free; returns when to look again.</summary>
    private async Task<DateTimeOffset> TakeTurnAsync(string key, CancellationToken stoppingToken)
    {
        var started = Clock.GetUtcNow();
        JobTurn turn;
        try
        {
            turn = await leases.TryTakeAsync(key, started, lease, stoppingToken);
        }
#pragma warning disable CA1031 // the database may be away for a while; the job keeps asking
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "{Job} could not read its schedule; trying again", Name);
            return started + Min(lease, interval);
        }

        if (!turn.IsTaken)
        {
            // Held: look again as often as the holder renews, so a pass given up by a stopping instance is taken up soon.
            return turn.HeldUntil > started ? Min(turn.HeldUntil, started + (lease / 3)) : turn.DueAt;
        }

        using var pass = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewing = RenewWhileRunningAsync(key, started + lease, pass);
        var finished = false;
        var leaseLost = false;
        try
        {
            finished = await RunLoggedAsync(pass.Token);
            leaseLost = pass.IsCancellationRequested && !stoppingToken.IsCancellationRequested;
        }
#pragma warning disable CA1031 // whatever the cancelled pass threw, another instance has the job now
        catch (Exception) when (pass.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            leaseLost = true;
        }
        finally
        {
            await pass.CancelAsync();
            await renewing;
            await EndAsync(key, finished, started + interval);
        }

        if (leaseLost)
        {
            logger.LogWarning("{Job} could not keep its lease and stopped; another instance takes the pass", Name);
        }

        return started + interval;
    }

    /// <summary>Runs one pass; a failure is logged, for the next pass to try again. True unless the pass was cancelled.</summary>
    private async Task<bool> RunLoggedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunPassAsync(cancellationToken);
            // A pass may end early and quietly when cancelled; only one that was not moves a shared schedule on.
            return !cancellationToken.IsCancellationRequested;
        }
#pragma warning disable CA1031 // any failure of one pass is logged; the next pass tries again
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "{Job} failed; the next pass tries again", Name);
            return true;
        }
    }

    private static T Min<T>(T a, T b)
        where T : IComparable<T> => a.CompareTo(b) <= 0 ? a : b;

    private async Task EndAsync(string key, bool finished, DateTimeOffset nextDue)
    {
        // The stopping token is cancelled by now on shutdown; ending the lease must still reach the database.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            if (finished)
            {
                await leases.FinishAsync(key, nextDue, timeout.Token);
                logger.LogDebug("{Job} pass done on {Instance}; the next is due at {DueAt}", Name, leases.Holder, nextDue);
            }
            else
            {
                await leases.ReleaseAsync(key, timeout.Token);
                logger.LogInformation("{Job} pass left unfinished on {Instance}; its lease is given up for another instance", Name, leases.Holder);
            }
        }
#pragma warning disable CA1031 // an unreleased lease only runs out; the pass is taken up then
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogWarning(exception, "{Job} could not end its lease; it runs out by itself", Name);
        }
    }

    /// <summary>
    /// Renews the lease every third of its length. Cancels the pass once the lease is lost (another instance took it) or
    /// is about to run out unrenewed (the database would not answer): two instances must never run one pass.
    /// </summary>
    private async Task RenewWhileRunningAsync(string key, DateTimeOffset heldUntil, CancellationTokenSource pass)
    {
        var third = lease / 3;
        while (!pass.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(third, Clock, pass.Token);
                using var timeout = new CancellationTokenSource(third, Clock);
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(pass.Token, timeout.Token);
                var until = Clock.GetUtcNow() + lease;
                if (!await leases.RenewAsync(key, until, attempt.Token))
                {
                    await pass.CancelAsync();
                }

                heldUntil = until;
            }
            catch (OperationCanceledException) when (pass.IsCancellationRequested)
            {
            }
#pragma warning disable CA1031 // a renewal that fails is tried again a third later, while the lease still holds
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogWarning(exception, "{Job} could not renew its lease", Name);
                if (Clock.GetUtcNow() + third >= heldUntil)
                {
                    await pass.CancelAsync();
                }
            }
        }
    }
}
