using System.Collections.Concurrent;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;
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
        await using var system = await PaymentsSystem.StartAsync(
            provider,
            new Dictionary<string, string?> { ["Reconciliation:Interval"] = "00:05:00" },
            logs,
            services => services.AddHttpClient(DependencyInjection.StripeHttpClient).AddHttpMessageHandler(() => new SessionQueries(asked)));

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
