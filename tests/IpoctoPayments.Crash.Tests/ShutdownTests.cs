using System.Diagnostics;
using System.Globalization;
using System.Net;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace IpoctoPayments.Crash.Tests;

/// <summary>
/// SIGTERM, as an orchestrator stops an instance, while the providers' webhooks are being applied: the instance answers
/// every one in flight, refuses new requests and says it is not ready meanwhile, then exits 0. What it refused is
/// redelivered to the instance that replaces it. On PostgreSQL only: the test holds the webhooks in flight with a
/// table lock, and SQLite answers a locked database with 503 <c>write_contention</c> at once instead of waiting.
/// </summary>
public sealed class ShutdownTests(ITestOutputHelper output)
{
    private const int Orders = LoopbackSimulator.ConcurrentDeliveries;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task Stopping_an_instance_while_webhooks_are_applied_answers_them_all_and_exits_cleanly()
    {
        var watch = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var simulator = await LoopbackSimulator.StartAsync();
        var settings = ApiProcess.Settings(database, simulator);
        settings["Shutdown:DrainTimeout"] = "00:00:30";
        // The web server logs each request as it takes it up: the test knows when the webhooks are inside the API.
        settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        await using var api = await ApiProcess.StartAsync(settings);
        simulator.Route.Target = api.BaseAddress;

        // Sixteen customers pay a card top-up each; Stripe queues a webhook for each payment.
        var sessions = new string[Orders];
        await Parallel.ForEachAsync(Enumerable.Range(0, Orders), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            using var console = Console(api, i);
            sessions[i] = (await console.CreateTopUpAsync(TopUpRequest.StripeCard(Amount(i)))).SessionId();
        });
        foreach (var session in sessions)
        {
            await simulator.PostAsync($"/_simulator/stripe/sessions/{session}/complete", new { method = "card", cardNumber = "4242424242424242" });
        }

        // The database is slow to write for a moment, so sixteen deliveries are inside the API at once.
        var posted = api.LoggedCount("Request starting HTTP/1.1 POST");
        int inFlightAtStop;
        HttpStatusCode readyWhileDraining, liveWhileDraining;
        HttpResponseMessage refused;
        await using (var slowWrites = await HoldWritesAsync(database))
        {
            var delivering = simulator.Scheduler.RunDueAsync();
            // Inside the API: the web server has taken each of them up (it logs each request as it starts it).
            await Poll.UntilAsync(() => Task.FromResult(api.LoggedCount("Request starting HTTP/1.1 POST") - posted == Orders), Deadline, $"{Orders} webhooks inside the API");

            inFlightAtStop = simulator.Route.InFlight;
            await api.TerminateAsync();
            await Poll.UntilAsync(() => Task.FromResult(api.Logged("Draining:")), Deadline, "the API to start draining");

            using var probe = new HttpClient { BaseAddress = api.BaseAddress };
            readyWhileDraining = (await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode;
            liveWhileDraining = (await probe.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode;
            using var late = Console(api, 0);
            refused = await late.GetAsync(new Uri("/api/v1/balance", UriKind.Relative));

            await slowWrites.DisposeAsync();
            await delivering.WaitAsync(Deadline);
        }

        var exitCode = await api.ExitCodeAsync(Deadline);
        var stopped = watch.Elapsed;
        var firstAttempts = simulator.Deliveries.Select(d => d.Attempts[0].StatusCode ?? 0).ToArray();

        // The instance that replaces it takes the deliveries that were refused, as the provider retries them.
        await using var replacement = await ApiProcess.StartAsync(settings);
        simulator.Route.Target = replacement.BaseAddress;
        await simulator.RunRetriesAsync(Deadline);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Orders} payments, {firstAttempts.Length} webhook deliveries, {inFlightAtStop} in flight at SIGTERM; while draining: ready {(int)readyWhileDraining}, "
            + $"live {(int)liveWhileDraining}, a new request {(int)refused.StatusCode}; first attempts answered 2xx {firstAttempts.Count(IsSuccess)}, 503 {firstAttempts.Count(c => c == 503)}, "
            + $"not reached (the instance gone) {firstAttempts.Count(c => c == 0)}; "
            + $"exit code {exitCode} after {stopped.TotalSeconds:0.0} s; delivered in the end {simulator.Deliveries.Count(d => d.Status == DeliveryStatus.Delivered)}"));

        // While draining: not ready (the load balancer stops sending), still alive (nobody restarts it), new work refused.
        Assert.Equal(Orders, inFlightAtStop);
        Assert.True(api.Logged($"Draining: {Orders} requests in flight"), api.Output);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWhileDraining);
        Assert.Equal(HttpStatusCode.OK, liveWhileDraining);
        await ApiAnswer.AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "shutting_down");
        Assert.NotNull(refused.Headers.RetryAfter);

        // Every webhook in flight was answered 2xx; those sent after SIGTERM were refused for the provider to redeliver —
        // 503 while the instance drained, or no connection once it had gone — and it exited 0 once it had answered them all.
        Assert.Equal(inFlightAtStop, firstAttempts.Count(IsSuccess));
        Assert.Equal(firstAttempts.Length - inFlightAtStop, firstAttempts.Count(c => c is 503 or 0));
        Assert.True(firstAttempts.Length > inFlightAtStop, "no delivery was sent after SIGTERM");
        Assert.Equal(0, exitCode);
        Assert.True(api.Logged("Drained: no request in flight"), api.Failures);
        Assert.All(simulator.Deliveries, d => Assert.Equal(DeliveryStatus.Delivered, d.Status));

        // The books: every payment credited once.
        var books = await Books.ReadAsync(database);
        Assert.Equal(Orders, books.Postings.Count(p => p.Kind == "TopUpCredit"));
        Assert.Equal(Orders, books.Postings.Where(p => p.Kind == "TopUpCredit").Select(p => p.SubjectId).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, Orders).Sum(Cents), books.Balances.Values.Sum());
    }

    /// <summary>Makes every writer of the webhook inbox wait (readers still read) until disposed.</summary>
    private static async Task<HeldWrites> HoldWritesAsync(TestDatabase database)
    {
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("LOCK TABLE webhook_inbox IN EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new HeldWrites(connection, transaction);
    }

    private static bool IsSuccess(int status) => status is >= 200 and < 300;

    private static PaymentsApiClient Console(ApiProcess api, int i) => new(api.BaseAddress, TestTokens.For($"acc-drain-{i % 4}", "payments:account"));

    private static long Cents(int i) => 500 + (i * 101);

    private static string Amount(int i) => (Cents(i) / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private sealed class HeldWrites(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        private bool released;

        public async ValueTask DisposeAsync()
        {
            if (released)
            {
                return;
            }

            released = true;
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
