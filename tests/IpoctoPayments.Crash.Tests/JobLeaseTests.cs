using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;
using Xunit.Abstractions;

namespace IpoctoPayments.Crash.Tests;

/// <summary>
/// Two API processes on one database share the background jobs: a reconciliation pass runs on one of them. When that
/// one is killed mid-pass (SIGKILL), the other takes the pass over once the dead one's lease runs out; when it is
/// stopped (SIGTERM), it gives the pass up as it exits, and the other takes it over.
/// </summary>
public sealed class JobLeaseTests(ITestOutputHelper output)
{
    private const int Orders = 50;
    private const int AskedBeforeKill = 10;
    private const string SessionQueries = "/v1/checkout/sessions/";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [SkippableTheory]
    [InlineData(DatabaseProvider.PostgreSql, "killed")]
    [InlineData(DatabaseProvider.PostgreSql, "stopped")]
    [InlineData(DatabaseProvider.Sqlite, "killed")]
    [InlineData(DatabaseProvider.Sqlite, "stopped")]
    public async Task A_reconciliation_pass_runs_on_one_instance_and_the_other_finishes_it_when_the_holder_goes(DatabaseProvider provider, string how)
    {
        var watch = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var simulator = await LoopbackSimulator.StartAsync();

        // Fifty customers open a card top-up and leave its page; the sessions expire and the orders with them. Closed
        // orders are what reconciliation checks for a capture that came late, once every pass.
        var sessions = await ExpiredOrdersAsync(database, simulator);
        var seeded = watch.Elapsed;

        // Stripe now holds every query until the test lets it answer, one at a time.
        using (var hold = await simulator.Control.PutAsJsonAsync("/_simulator/faults", new { stripe = new { latency = "00:10:00" } }))
        {
            Assert.True(hold.IsSuccessStatusCode);
        }

        // Two instances start together, reconciling every hour with a 3-second lease: the first pass is due at once.
        var settings = ApiProcess.Settings(database, simulator);
        settings["Reconciliation:Interval"] = "01:00:00";
        settings["Jobs:Lease"] = "00:00:03";
        var instances = await Task.WhenAll(ApiProcess.StartAsync(settings), ApiProcess.StartAsync(settings));
        await using var first = instances[0];
        await using var second = instances[1];
        simulator.Route.Target = first.BaseAddress;

        // One of them runs the pass; the provider sees one query at a time, never one from each.
        var mostAtOnce = 0;
        for (var released = 0; released < AskedBeforeKill; released++)
        {
            await Poll.UntilAsync(() => Task.FromResult(simulator.Requests.InFlightUnder("GET", SessionQueries) > 0), Deadline, $"query {released + 1} of the pass");
            mostAtOnce = Math.Max(mostAtOnce, simulator.Requests.InFlightUnder("GET", SessionQueries));
            simulator.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        await Poll.UntilAsync(() => Task.FromResult(simulator.Requests.InFlightUnder("GET", SessionQueries) > 0), Deadline, "the query the holder goes in");
        mostAtOnce = Math.Max(mostAtOnce, simulator.Requests.InFlightUnder("GET", SessionQueries));
        var holder = await HolderAsync(database);
        Assert.NotNull(holder);
        var (dying, survivor) = holder.Contains($"/{first.ProcessId}/", StringComparison.Ordinal) ? (first, second) : (second, first);
        Assert.Contains($"/{dying.ProcessId}/", holder, StringComparison.Ordinal);
        var askedByHolder = simulator.Requests.ReceivedUnder("GET", SessionQueries);
        if (how == "killed")
        {
            await dying.KillAsync();
            Assert.Contains($"/{dying.ProcessId}/", await HolderAsync(database), StringComparison.Ordinal);
        }
        else
        {
            // A stopping instance ends its pass where it stands and gives the lease up before it exits.
            await dying.TerminateAsync();
            Assert.Equal(0, await dying.ExitCodeAsync(Deadline));
            Assert.DoesNotContain($"/{dying.ProcessId}/", await HolderAsync(database) ?? "", StringComparison.Ordinal);
        }

        var gone = watch.Elapsed;

        // Stripe answers again; the survivor takes the pass over once the holder's lease is given up or has run out.
        using (var cleared = await simulator.Control.DeleteAsync(new Uri("/_simulator/faults", UriKind.Relative)))
        {
            Assert.True(cleared.IsSuccessStatusCode);
        }

        await Poll.UntilAsync(() => Task.FromResult(survivor.Logged($"Reconciliation checked {Orders} top-ups")), Deadline, $"the survivor to finish the pass\n{survivor.Failures}");
        await Poll.UntilAsync(async () => await HolderAsync(database) is null, Deadline, "the survivor to free the job");
        var finished = watch.Elapsed;
        var askedBySurvivor = simulator.Requests.ReceivedUnder("GET", SessionQueries) - askedByHolder;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}, holder {how}: {Orders} closed orders; the holder asked {askedByHolder} (at most {mostAtOnce} at once) before it went, the survivor asked {askedBySurvivor}; "
            + $"seconds: seeded {seeded.TotalSeconds:0.0}, holder gone {gone.TotalSeconds:0.0}, survivor finished {finished.TotalSeconds:0.0}"));

        // Before the holder went, one pass asked one order at a time; after, the survivor asked every order once, and the
        // orders the holder had reached (the last one cut off) were asked twice in all.
        Assert.Equal(1, mostAtOnce);
        Assert.Equal(AskedBeforeKill + 1, askedByHolder);
        Assert.Equal(Orders, askedBySurvivor);
        var asked = sessions.Select(session => simulator.Requests.Received("GET", SessionQueries + session)).ToArray();
        Assert.Equal(AskedBeforeKill + 1, asked.Count(n => n == 2));
        Assert.Equal(Orders - (AskedBeforeKill + 1), asked.Count(n => n == 1));
    }

    /// <summary>Creates the orders through an instance that runs no jobs, expires their sessions and delivers the news.</summary>
    private static async Task<string[]> ExpiredOrdersAsync(TestDatabase database, LoopbackSimulator simulator)
    {
        await using var api = await ApiProcess.StartAsync(ApiProcess.Settings(database, simulator));
        simulator.Route.Target = api.BaseAddress;
        var sessions = new string[Orders];
        await Parallel.ForEachAsync(Enumerable.Range(0, Orders), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            using var console = new PaymentsApiClient(api.BaseAddress, TestTokens.For($"acc-lease-{i % 5}", "payments:account"));
            sessions[i] = (await console.CreateTopUpAsync(TopUpRequest.StripeCard("5.00"))).SessionId();
        });
        foreach (var session in sessions)
        {
            await simulator.PostAsync($"/_simulator/stripe/sessions/{session}/expire", new { });
        }

        await simulator.Scheduler.RunDueAsync().WaitAsync(Deadline);
        using var reader = new PaymentsApiClient(api.BaseAddress, TestTokens.For("acc-lease-0", "payments:account"));
        Assert.All(await reader.TopUpsAsync(), topUp => Assert.Equal("expired", topUp.Status()));
        return sessions;
    }

    private static async Task<string?> HolderAsync(TestDatabase database) =>
        await Books.ScalarAsync(database, """SELECT "Holder" FROM job_leases WHERE "Job" = 'reconciliation'""") as string;
}
