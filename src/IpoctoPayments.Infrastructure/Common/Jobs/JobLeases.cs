using IpoctoPayments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Common.Jobs;

/// <summary>
/// The jobs' schedule as rows. Taking a pass is one statement that succeeds only where the pass is due and no live
/// lease holds it, so of the instances that wake together exactly one runs it; the others learn when to look again.
/// Renewing, finishing and releasing are conditional on the holder, so an instance that lost its lease changes nothing.
/// Times are each instance's own clock: the instances' clocks must agree (NTP) to well within a lease.
/// </summary>
internal sealed class JobLeases(IServiceScopeFactory scopes, JobInstance instance, IOptions<JobOptions> options, TimeProvider clock)
{
    public string Holder => instance.Name;

    /// <summary>How long a pass is held without renewing (<see cref="JobOptions.Lease"/>).</summary>
    public TimeSpan Lease => options.Value.Lease;

    /// <summary>The clock the schedule is kept on (tests move it).</summary>
    public TimeProvider Clock => clock;

    /// <summary>Takes the job's due pass for <paramref name="lease"/>; if it is not due or is held, says until when.</summary>
    public async Task<JobTurn> TryTakeAsync(string job, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        if (await db.Database.ExecuteSqlAsync(Take(db, job, now, now + lease), cancellationToken) == 1)
        {
            return JobTurn.Taken;
        }

        var row = await db.Set<JobLeaseRecord>().AsNoTracking().Where(r => r.Job == job)
            .Select(r => new { r.DueAtUnixMs, r.LeaseUntilUnixMs }).SingleAsync(cancellationToken);
        return JobTurn.NotNow(DateTimeOffset.FromUnixTimeMilliseconds(row.DueAtUnixMs), DateTimeOffset.FromUnixTimeMilliseconds(row.LeaseUntilUnixMs));
    }

    /// <summary>Extends the lease of a pass this instance runs; false if it has lost it (it ran out and another took it).</summary>
    public async Task<bool> RenewAsync(string job, DateTimeOffset until, CancellationToken cancellationToken) =>
        await UpdateOwnAsync(job, r => r.SetProperty(x => x.LeaseUntilUnixMs, until.ToUnixTimeMilliseconds()), cancellationToken) == 1;

    /// <summary>Ends a finished pass: the job is free, and due again at <paramref name="nextDue"/>.</summary>
    public Task FinishAsync(string job, DateTimeOffset nextDue, CancellationToken cancellationToken) =>
        UpdateOwnAsync(job, r => r
            .SetProperty(x => x.Holder, (string?)null)
            .SetProperty(x => x.LeaseUntilUnixMs, 0L)
            .SetProperty(x => x.DueAtUnixMs, nextDue.ToUnixTimeMilliseconds()), cancellationToken);

    /// <summary>Gives up a pass left unfinished (the instance is stopping): it stays due, for another instance to take at once.</summary>
    public Task ReleaseAsync(string job, CancellationToken cancellationToken) =>
        UpdateOwnAsync(job, r => r.SetProperty(x => x.Holder, (string?)null).SetProperty(x => x.LeaseUntilUnixMs, 0L), cancellationToken);

    private async Task<int> UpdateOwnAsync(
        string job, Action<UpdateSettersBuilder<JobLeaseRecord>> set, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        return await db.Set<JobLeaseRecord>().Where(r => r.Job == job && r.Holder == instance.Name).ExecuteUpdateAsync(set, cancellationToken);
    }

    /// <summary>Inserts the job's row, due now, on its first pass anywhere; or takes over a row that is due and not held.</summary>
    private FormattableString Take(PaymentsDbContext db, string job, DateTimeOffset now, DateTimeOffset until)
    {
        var (holder, nowMs, untilMs) = (instance.Name, now.ToUnixTimeMilliseconds(), until.ToUnixTimeMilliseconds());
        if (db.Database.IsSqlServer())
        {
            // SQL Server has no ON CONFLICT; MERGE under HOLDLOCK keeps two first passes from both inserting.
            return $"""
                MERGE job_leases WITH (HOLDLOCK) AS j
                USING (VALUES ({job})) AS t ("Job") ON j."Job" = t."Job"
                WHEN MATCHED AND j."DueAtUnixMs" <= {nowMs} AND j."LeaseUntilUnixMs" <= {nowMs} THEN
                    UPDATE SET "Holder" = {holder}, "LeaseUntilUnixMs" = {untilMs}
                WHEN NOT MATCHED THEN
                    INSERT ("Job", "Holder", "LeaseUntilUnixMs", "DueAtUnixMs") VALUES ({job}, {holder}, {untilMs}, {nowMs});
                """;
        }

        return $"""
            INSERT INTO job_leases ("Job", "Holder", "LeaseUntilUnixMs", "DueAtUnixMs") VALUES ({job}, {holder}, {untilMs}, {nowMs})
            ON CONFLICT ("Job") DO UPDATE SET "Holder" = excluded."Holder", "LeaseUntilUnixMs" = excluded."LeaseUntilUnixMs"
            WHERE job_leases."DueAtUnixMs" <= {nowMs} AND job_leases."LeaseUntilUnixMs" <= {nowMs}
            """;
    }
}

/// <summary>Whether this instance runs the job's pass now; if not, when the next pass is due and until when another instance holds the job.</summary>
internal readonly record struct JobTurn(bool IsTaken, DateTimeOffset DueAt, DateTimeOffset HeldUntil)
{
    public static JobTurn Taken => new(true, default, default);

    public static JobTurn NotNow(DateTimeOffset dueAt, DateTimeOffset heldUntil) => new(false, dueAt, heldUntil);
}
