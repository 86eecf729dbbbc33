using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure;
using IpoctoPayments.Infrastructure.Ledger;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace IpoctoPayments.Api.Tests;

/// <summary>
/// Stripe answering a refund only after ten seconds holds nothing of the service's: the webhook reporting the late capture
/// that needs the refund is answered at once, and while the dispatcher waits for Stripe no transaction is open and the same
/// balance is written by others. Stripe's latency waits on the shared fake clock, so the wait lasts exactly as long as the
/// test keeps the clock still.
/// </summary>
public sealed class SlowProviderRefundTests(ITestOutputHelper output)
{
    private const string Account = "acc-slow-refund";
    private static readonly TimeSpan Latency = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan BankSyncDelay = TimeSpan.FromMinutes(10);

    /// <summary>How long, in wall time, a step that must not wait for Stripe may take before the test calls it stuck.</summary>
    private static readonly TimeSpan Stuck = TimeSpan.FromSeconds(10);

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_late_capture_refund_waits_for_a_slow_stripe_holding_no_transaction_and_no_lock(DatabaseProvider provider)
    {
        var refundCalls = new StripeRefundCalls();
        await using var system = await PaymentsSystem.StartAsync(provider, services: services =>
            services.AddHttpClient(DependencyInjection.StripeHttpClient).AddHttpMessageHandler(refundCalls.NewProbe));
        var console = system.Console(Account);

        // Money on the balance that others write to while the refund waits.
        await PayPayerMaxAsync(system, console, "10.00");

        // A Stripe card payment reported expired; the bank captures it ten minutes later.
        var topUp = await console.CreateTopUpAsync(TopUpRequest.StripeCard("20.00"));
        await system.SetFaultsAsync(new { bankSyncDelay = BankSyncDelay }, topUp.SessionId());
        await system.PayStripeAsync(topUp);
        var reported = await console.TopUpAsync(topUp.Id());
        Assert.True(reported.Status() is "expired" or "failed", reported.Status());

        // From here on every Stripe API call takes ten seconds of the shared clock.
        await system.SetFaultsAsync(new { stripe = new { latency = Latency } });
        system.Clock.Advance(BankSyncDelay);
        var frozenAt = system.Clock.GetUtcNow();

        // The capture comes, and its webhook is answered without waiting for Stripe.
        var watch = Stopwatch.StartNew();
        await system.SimulatorService<SimulatorScheduler>().RunDueAsync().WaitAsync(Stuck);
        var webhookSeconds = watch.Elapsed.TotalSeconds;
        Assert.Equal(frozenAt, system.Clock.GetUtcNow());
        var capture = Assert.Single(system.SimulatorService<WebhookOutbox>().Deliveries,
            d => d.EventType == "payment_intent.succeeded" && d.TargetKeys.Contains(topUp.SessionId()));
        var answered = Assert.Single(capture.Attempts);
        Assert.True(answered.StatusCode is >= 200 and < 300, $"the late capture webhook was answered {answered.StatusCode}: {answered.ResponseBody} {answered.Error}");
        Assert.True(webhookSeconds < 1, $"the late capture webhook took {webhookSeconds:0.000} s of wall time");

        var lateCapture = await console.TopUpAsync(topUp.Id());
        Assert.Equal("late_capture", lateCapture.Status());
        var pending = Assert.Single(lateCapture.GetProperty("refunds").EnumerateArray());
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        Assert.True(pending.GetProperty("forLateCapture").GetBoolean());
        Assert.Equal(0, refundCalls.Sent);

        // The dispatcher sends the refund and waits for Stripe.
        watch.Restart();
        var dispatch = Task.Run(system.DispatchRefundsAsync);
        await refundCalls.FirstSent.WaitAsync(Stuck);
        var sentSeconds = watch.Elapsed.TotalSeconds;

        // Meanwhile: no session of the service's sits in an open transaction ...
        var sessions = provider == DatabaseProvider.PostgreSql ? await SessionsAsync(system.Database) : [];
        var openTransactions = sessions.Where(s => s.State.StartsWith("idle in transaction", StringComparison.Ordinal)).ToList();
        Assert.True(provider != DatabaseProvider.PostgreSql || sessions.Count > 0, "pg_stat_activity shows no session of the API's on the test database");
        Assert.True(openTransactions.Count == 0, $"sessions idle in a transaction while Stripe is asked: {string.Join("; ", openTransactions)}");

        // ... billing debits the same balance ...
        watch.Restart();
        using var debit = await DebitAsync(system, "4.00").WaitAsync(Stuck);
        var debitSeconds = watch.Elapsed.TotalSeconds;
        Assert.True(debit.StatusCode == HttpStatusCode.Created, $"{(int)debit.StatusCode}: {await debit.Content.ReadAsStringAsync()}");

        // ... and another top-up of the account is paid, its webhook crediting the same balance.
        watch.Restart();
        var second = await PayPayerMaxAsync(system, console, "10.00").WaitAsync(Stuck);
        var creditSeconds = watch.Elapsed.TotalSeconds;
        Assert.Equal("succeeded", second.Status());
        Assert.Equal("16.00", await console.BalanceAsync());

        // All that happened while the refund was still at Stripe.
        Assert.False(dispatch.IsCompleted, "the dispatch ended before Stripe's latency passed");
        Assert.Equal(frozenAt, system.Clock.GetUtcNow());
        Assert.Equal("pending", Assert.Single((await console.TopUpAsync(topUp.Id())).GetProperty("refunds").EnumerateArray()).GetProperty("status").GetString());

        // Stripe answers once its ten seconds have passed.
        var steps = await DriveClockUntilAsync(system, dispatch);
        Assert.Equal(1, await dispatch);
        Assert.True(steps >= Latency.TotalSeconds, $"the dispatch ended after {steps} s of the clock, before Stripe's latency");
        using (var cleared = await system.Simulator.DeleteAsync(new Uri("/_simulator/faults", UriKind.Relative)))
        {
            Assert.True(cleared.IsSuccessStatusCode);
        }

        var stripeRefunds = (await system.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/stripe/refunds")).EnumerateArray().ToList();
        var paymentIntent = Assert.Single(stripeRefunds).GetProperty("payment_intent").GetString();
        Assert.Equal(2000, stripeRefunds[0].GetProperty("amount").GetInt64());
        Assert.Equal(1, refundCalls.Sent);

        // The refund settles at Stripe, whose webhooks mark the order refunded.
        await system.AdvanceAsync(TimeSpan.FromMinutes(1));
        var refunded = await console.TopUpAsync(topUp.Id());
        Assert.Equal("refunded", refunded.Status());
        Assert.Equal("succeeded", Assert.Single(refunded.GetProperty("refunds").EnumerateArray()).GetProperty("status").GetString());
        Assert.Single((await system.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/stripe/refunds")).EnumerateArray(),
            r => r.GetProperty("payment_intent").GetString() == paymentIntent);
        Assert.Equal("16.00", await console.BalanceAsync());
        await AssertBooksBalanceAsync(system, expectedCents: 16_00);
        Assert.Equal(0, await system.InDatabaseAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM refund_outbox").SingleAsync()));

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: late-capture webhook answered in {webhookSeconds * 1000:0} ms, refund sent to Stripe {sentSeconds * 1000:0} ms after the dispatch began; "
            + $"while Stripe held it: {(provider == DatabaseProvider.PostgreSql ? $"{sessions.Count} API sessions on the database, {openTransactions.Count} idle in transaction" : "(no session view on SQLite)")}; "
            + $"debit {debitSeconds * 1000:0} ms, "
            + $"another top-up paid and credited {creditSeconds * 1000:0} ms; the dispatch ended after {steps} s of the test clock"));
    }

    /// <summary>A PayerMax GCash top-up paid in the wallet, its notification delivered by the simulator (no refund dispatch).</summary>
    private static async Task<JsonElement> PayPayerMaxAsync(PaymentsSystem system, PaymentsApiClient console, string amount)
    {
        var topUp = await console.CreateTopUpAsync(TopUpRequest.PayerMaxGcash(amount));
        await system.SimulatorPostAsync($"/_simulator/payermax/orders/{topUp.OutTradeNo()}/complete", new { paymentMethodType = "WALLET", targetOrg = "GCASH" });
        await system.SimulatorService<SimulatorScheduler>().RunDueAsync();
        return await console.TopUpAsync(topUp.Id());
    }

    private static async Task<HttpResponseMessage> DebitAsync(PaymentsSystem system, string amount)
    {
        using var billing = system.Client(TestTokens.For("ipocto-billing", IpoctoPayments.Api.Common.Scopes.Billing));
        return await billing.PostDebitAsync(Account, amount, "inv-slow-stripe", "inv-slow-stripe");
    }

    /// <summary>Moves the shared clock a second at a time until the task ends; returns how many seconds it took.</summary>
    private static async Task<int> DriveClockUntilAsync(PaymentsSystem system, Task task)
    {
        var seconds = 0;
        for (; seconds < 60 && !task.IsCompleted; seconds++)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(50)));
        }

        Assert.True(task.IsCompleted, "the dispatch did not end within 60 s of the test clock");
        return seconds;
    }

    /// <summary>PostgreSQL's own view of the API's sessions on the test database: its pooled connections, and what each is doing.</summary>
    private static async Task<List<Session>> SessionsAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT pid, coalesce(state, ''), xact_start, coalesce(query, '') FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var sessions = new List<Session>();
        while (await reader.ReadAsync())
        {
            sessions.Add(new Session(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTime>(2), reader.GetString(3)));
        }

        return sessions;
    }

    /// <summary>Every posting sums to zero in each currency, no balance is negative, the balances are the customer entries.</summary>
    private static async Task AssertBooksBalanceAsync(PaymentsSystem system, long expectedCents)
    {
        var entries = await system.InDatabaseAsync(db => db.Set<EntryRecord>().AsNoTracking().ToListAsync());
        var balances = await system.InDatabaseAsync(db => db.Set<BalanceRecord>().AsNoTracking().ToListAsync());
        static long Signed(EntryRecord e) => e.Side == "Debit" ? e.MinorUnits : -e.MinorUnits;

        Assert.All(entries.GroupBy(e => (e.PostingId, e.Currency)), posting =>
            Assert.True(posting.Sum(Signed) == 0, $"posting {posting.Key} does not sum to zero"));
        Assert.All(balances, b => Assert.True(b.MinorUnits >= 0, $"{b.AccountId} is {b.MinorUnits}"));
        var balance = Assert.Single(balances);
        Assert.Equal((Account, expectedCents), (balance.AccountId, balance.MinorUnits));
        Assert.Equal(expectedCents, -entries.Where(e => e.AccountType == "CustomerBalance" && e.AccountOwner == Account).Sum(Signed));
    }

    private sealed record Session(int Pid, string State, DateTime? TransactionStart, string LastQuery);

    /// <summary>Counts the refunds the API sends to Stripe, as they leave its PaymentsApiClient (after its retry pipeline: each attempt).</summary>
    private sealed class StripeRefundCalls
    {
        private readonly TaskCompletionSource firstSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int sent;

        public Task FirstSent => firstSent.Task;

        public int Sent => Volatile.Read(ref sent);

        /// <summary>A new handler each time the client's pipeline is built: a handler cannot sit in two pipelines.</summary>
        public DelegatingHandler NewProbe() => new Probe(this);

        private sealed class Probe(StripeRefundCalls calls) : DelegatingHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath == "/v1/refunds")
                {
                    Interlocked.Increment(ref calls.sent);
                    calls.firstSent.TrySetResult();
                }

                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
