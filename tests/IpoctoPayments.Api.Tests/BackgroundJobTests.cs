using System.Collections.Concurrent;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IpoctoPayments.Api.Tests;

/// <summary>Two instances on one database share the reconciliation job: one pass per interval between them, never one each.</summary>
public sealed class BackgroundJobTests
{
    private const int Orders = 50;
    private const int Passes = 3;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Two_instances_run_one_reconciliation_pass_per_interval_between_them(DatabaseProvider provider)
    {
        var asked = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var logs = new CapturedLogs();
        await using var system = await StartAsync(provider, asked, logs);

        // The first instance ran the job's first pass as it started, with nothing to check yet.
        await Poll.UntilAsync(() => Task.FromResult(PassesDone(logs) == 1), Deadline, "the first pass at start");

        // Fifty customers leave their card payment page; the sessions expire, and reconciliation checks each closed order
        // for a late capture once a pass.
        var console = system.Console("acc-two-schedulers");
        var sessions = new List<string>();
        for (var i = 0; i < Orders; i++)
        {
            var topUp = await console.CreateTopUpAsync(TopUpRequest.StripeCard("5.00"));
            await system.SimulatorPostAsync($"/_simulator/stripe/sessions/{topUp.SessionId()}/expire");
            sessions.Add(topUp.SessionId());
        }

        await system.DeliverWebhooksAsync();
        Assert.All(await console.TopUpsAsync(limit: Orders), topUp => Assert.Equal("expired", topUp.Status()));
        Assert.Empty(asked);

        // A second instance starts; each pass is due on both, and each order is asked of Stripe once a pass.
        await system.AnotherInstance().GetAsync(new Uri("/health/live", UriKind.Relative));
        for (var pass = 1; pass <= Passes; pass++)
        {
            var done = PassesDone(logs);
            system.Clock.Advance(Interval);
            await Poll.UntilAsync(() => Task.FromResult(PassesDone(logs) > done), Deadline, $"pass {pass} to finish");
            Assert.All(sessions, session => Assert.Equal(pass, asked.GetValueOrDefault(session)));
        }

        Assert.Equal(Orders, asked.Count);
        Assert.Equal(Passes, logs.Lines.Count(l => l.Text.StartsWith($"Reconciliation checked {Orders} top-ups", StringComparison.Ordinal)));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_pass_whose_lease_cannot_be_renewed_stops_before_the_lease_runs_out(DatabaseProvider provider)
    {
        var asked = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var logs = new CapturedLogs();
        await using var system = await StartAsync(provider, asked, logs, ("Jobs:Lease", "00:00:30"));
        await Poll.UntilAsync(() => Task.FromResult(PassesDone(logs) == 1), Deadline, "the first pass at start");
        var console = system.Console("acc-lost-lease");
        var topUp = await console.CreateTopUpAsync(TopUpRequest.StripeCard("5.00"));
        await system.SimulatorPostAsync($"/_simulator/stripe/sessions/{topUp.SessionId()}/expire");
        await system.DeliverWebhooksAsync();

        // The pass starts and Stripe holds its query; then the schedule's table is gone, so the lease cannot be renewed.
        await system.SetFaultsAsync(new { stripe = new { latency = "00:10:00" } });
        system.Clock.Advance(Interval);
        await Poll.UntilAsync(() => Task.FromResult(asked.Count == 1), Deadline, "the pass to ask Stripe");
        await system.InDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE job_leases"));

        // The holder renews every 10 s and fails each time; it stops the pass before its 30-s lease could run out and
        // let another instance take the pass while it still runs. The clock moves a second at a time until it stops.
        var passStarted = system.Clock.GetUtcNow();
        await Poll.UntilAsync(
            () =>
            {
                var stopped = Logged(logs, "could not keep its lease and stopped") == 1;
                if (!stopped)
                {
                    system.Clock.Advance(TimeSpan.FromSeconds(1));
                }

                return Task.FromResult(stopped);
            },
            Deadline,
            "the pass to stop");
        var stoppedAfter = system.Clock.GetUtcNow() - passStarted;

        Assert.True(stoppedAfter < TimeSpan.FromSeconds(30), $"the pass stopped {stoppedAfter.TotalSeconds} s in, when its lease had run out");
        Assert.True(Logged(logs, "could not renew its lease") >= 2, "the pass stopped before its renewals had failed");
        Assert.Equal(1, PassesDone(logs));
    }

    /// <summary>The system with reconciliation every 5 min, its logs captured and Stripe's session reads counted.</summary>
    private static Task<PaymentsSystem> StartAsync(
        DatabaseProvider provider, ConcurrentDictionary<string, int> asked, CapturedLogs logs, params (string Key, string Value)[] settings)
    {
        var configuration = new Dictionary<string, string?> { ["Reconciliation:Interval"] = "00:05:00" };
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        return PaymentsSystem.StartAsync(
            provider, configuration, logs, services => services.AddHttpClient(DependencyInjection.StripeHttpClient).AddHttpMessageHandler(() => new SessionQueries(asked)));
    }

    private static int Logged(CapturedLogs logs, string text) => logs.Lines.Count(l => l.Text.Contains(text, StringComparison.Ordinal));

    private static int PassesDone(CapturedLogs logs) => logs.Lines.Count(l => l.Text.StartsWith("Reconciliation run pass done", StringComparison.Ordinal));

    /// <summary>Counts the Checkout Session reads that reach Stripe, by session.</summary>
    private sealed class SessionQueries(ConcurrentDictionary<string, int> asked) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            const string sessions = "/v1/checkout/sessions/";
            var path = request.RequestUri!.AbsolutePath;
            if (request.Method == HttpMethod.Get && path.StartsWith(sessions, StringComparison.Ordinal))
            {
                asked.AddOrUpdate(path[sessions.Length..], 1, (_, count) => count + 1);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
