using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;
using Xunit.Abstractions;

namespace IpoctoPayments.Crash.Tests;

/// <summary>
/// The API process killed (SIGKILL) while its refund dispatcher is sending a refund — the request at the provider, its
/// answer not back — then started again on the same database: once the dead process's lease on the refund runs out the new
/// one sends it again under the same idempotency key, and the provider holds one refund; the books balance.
/// </summary>
public sealed class RefundCrashTests(ITestOutputHelper output)
{
    private const string Account = "acc-crash-refund";
    private const long PaidCents = 20_00;
    private const long RefundCents = 15_00;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How the provider holds the refund when the API dies. <c>slow</c>: its latency waits on the simulator's clock, which the
    /// test keeps still, so the refund is not made yet. <c>lost-answer</c>: the refund is made, and the answer never comes.
    /// </summary>
    public static TheoryData<DatabaseProvider, string, string> Cases => new()
    {
        { DatabaseProvider.PostgreSql, "stripe", "slow" },
        { DatabaseProvider.PostgreSql, "stripe", "lost-answer" },
        { DatabaseProvider.PostgreSql, "payermax", "lost-answer" },
        { DatabaseProvider.Sqlite, "stripe", "slow" },
        { DatabaseProvider.Sqlite, "stripe", "lost-answer" },
        { DatabaseProvider.Sqlite, "payermax", "lost-answer" },
    };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Killing_the_api_while_it_sends_a_refund_refunds_once_after_the_restart(DatabaseProvider provider, string paymentProvider, string hold)
    {
        var watch = Stopwatch.StartNew();
        var stripe = paymentProvider == "stripe";
        var (refundPath, providerRefunds) = stripe
            ? ("/v1/refunds", "/_simulator/stripe/refunds")
            : ("/aggregate-pay/api/gateway/refund", "/_simulator/payermax/refunds");
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var simulator = await LoopbackSimulator.StartAsync();
        var settings = ApiSettings(database, simulator);
        await using var api = await ApiProcess.StartAsync(settings);
        simulator.Route.Target = api.BaseAddress;
        var started = watch.Elapsed;

        // A paid top-up of 20.00, credited.
        var topUp = await CreateTopUpAsync(api, stripe);
        await PayAsync(simulator, topUp, stripe);
        await simulator.Scheduler.RunDueAsync().WaitAsync(Deadline);
        Assert.Equal("succeeded", (await TopUpAsync(api, topUp.Id)).GetProperty("status").GetString());
        var paid = watch.Elapsed;

        // The provider will hold the refund call; then an admin refunds 15.00, answered at once.
        await SetFaultsAsync(simulator, paymentProvider, hold);
        var refundId = await RefundAsync(api, topUp.Id);
        Assert.Equal("5.00", await BalanceAsync(api));
        var requested = watch.Elapsed;

        // The dispatcher sends it within its interval; the provider has the request and does not answer.
        await simulator.Requests.WhenReceived("POST", refundPath).WaitAsync(Deadline);
        if (hold == "lost-answer")
        {
            await Poll.UntilAsync(async () => (await ProviderRefundsAsync(simulator, providerRefunds)).Count == 1, Deadline, "the provider to make the refund");
        }

        var atProvider = watch.Elapsed;
        var inFlightAtKill = simulator.Requests.InFlight("POST", refundPath);
        var madeBeforeKill = (await ProviderRefundsAsync(simulator, providerRefunds)).Count;
        await api.KillAsync();
        var killed = watch.Elapsed;
        Assert.Equal(1, inFlightAtKill);
        Assert.Equal(1, simulator.Requests.Received("POST", refundPath));
        Assert.Equal(hold == "lost-answer" ? 1 : 0, madeBeforeKill);

        // The provider drops the dead process's request (its latency or lost answer cancelled with the connection) ...
        await Poll.UntilAsync(() => Task.FromResult(simulator.Requests.InFlight("POST", refundPath) == 0), Deadline, "the simulator to drop the killed API's request");

        // ... and is itself again; the same database, a new process.
        using (var cleared = await simulator.Control.DeleteAsync(new Uri("/_simulator/faults", UriKind.Relative)))
        {
            Assert.True(cleared.IsSuccessStatusCode);
        }

        await using var restarted = await ApiProcess.StartAsync(settings);
        simulator.Route.Target = restarted.BaseAddress;
        var restartedAt = watch.Elapsed;

        // The dead process's lease runs out and the new one sends the refund again, with the same idempotency key.
        await simulator.Requests.WhenReceived("POST", refundPath, 2).WaitAsync(Deadline);
        await Poll.UntilAsync(async () => await Books.CountAsync(database, "refund_outbox") == 0, Deadline, "the restarted API to take the provider's answer");
        var resent = watch.Elapsed;

        // The provider settles it and says so by webhook.
        await Poll.UntilAsync(
            async () =>
            {
                await simulator.Scheduler.RunDueWithinAsync(TimeSpan.FromSeconds(15));
                return RefundStatus(await TopUpAsync(restarted, topUp.Id), refundId) == "succeeded";
            },
            Deadline,
            $"refund {refundId} to be settled\n{restarted.Failures}");
        var settled = watch.Elapsed;

        var sends = simulator.Requests.Received("POST", refundPath);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}, {paymentProvider} {hold}: {sends} refund requests at the provider ({inFlightAtKill} in flight at the kill, refund made before the kill: {madeBeforeKill == 1}); "
            + $"seconds: started {started.TotalSeconds:0.0}, paid {paid.TotalSeconds:0.0}, refund requested {requested.TotalSeconds:0.0}, at the provider {atProvider.TotalSeconds:0.0}, "
            + $"killed {killed.TotalSeconds:0.0}, restarted {restartedAt.TotalSeconds:0.0}, sent again and answered {resent.TotalSeconds:0.0}, settled {settled.TotalSeconds:0.0}"));

        // The provider holds one refund of the payment, settled.
        var refunds = await ProviderRefundsAsync(simulator, providerRefunds);
        var refund = Assert.Single(refunds);
        if (stripe)
        {
            Assert.Equal(RefundCents, refund.GetProperty("amount").GetInt64());
            Assert.Equal("succeeded", refund.GetProperty("status").GetString());
        }
        else
        {
            Assert.Equal(refundId.ToString("N"), refund.GetProperty("outRefundNo").GetString());
            Assert.Equal("REFUND_SUCCESS", refund.GetProperty("status").GetString());
        }

        // What the console shows, and what the books say.
        var order = await TopUpAsync(restarted, topUp.Id);
        Assert.Equal("partially_refunded", order.GetProperty("status").GetString());
        Assert.Equal("5.00", await BalanceAsync(restarted));
        var books = await Books.ReadAsync(database);
        Assert.Equal(["RefundDebit", "TopUpCredit"], books.Postings.Select(p => p.Kind).Order());
        Assert.All(books.Postings, p => Assert.Equal(topUp.Id, p.SubjectId));
        Assert.All(books.Entries.GroupBy(e => (e.Posting, e.Currency)), posting =>
            Assert.True(posting.Sum(e => e.Signed) == 0, $"posting {posting.Key.Posting} in {posting.Key.Currency} does not balance"));
        Assert.Equal(new Dictionary<string, long> { [Account] = PaidCents - RefundCents }, books.Balances);
        Assert.Equal(PaidCents - RefundCents, books.Entries.Where(e => e.AccountType == "CustomerBalance").Sum(e => -e.Signed));
        Assert.Equal(0, await Books.CountAsync(database, "refund_outbox"));
    }

    private static Dictionary<string, string> ApiSettings(TestDatabase database, LoopbackSimulator simulator)
    {
        var settings = ApiProcess.Settings(database, simulator);
        // Refunds go out within a fifth of a second; a dead instance's lease lasts three seconds.
        settings["RefundDispatch:Interval"] = "00:00:00.200";
        settings["RefundDispatch:Lease"] = "00:00:03";
        settings["RefundDispatch:RetryDelay"] = "00:00:01";
        return settings;
    }

    private static async Task SetFaultsAsync(LoopbackSimulator simulator, string paymentProvider, string hold)
    {
        // The simulator's clock stands still until the test moves it: a latency on it lasts until the kill. A lost answer is the
        // call carried out, then a wait for the same clock before the connection is dropped.
        object fault = hold == "slow" ? new { latency = "00:10:00" } : new { failNextCalls = 1, mode = "Timeout" };
        using var response = await simulator.Control.PutAsJsonAsync("/_simulator/faults", new Dictionary<string, object> { [paymentProvider == "stripe" ? "stripe" : "payerMax"] = fault });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<TopUp> CreateTopUpAsync(ApiProcess api, bool stripe)
    {
        using var console = Client(api, TestTokens.For(Account, "payments:account"));
        using var response = await console.PostTopUpAsync(stripe ? TopUpRequest.StripeCard("20.00") : TopUpRequest.PayerMaxGcash("20.00"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body}\n{api.Failures}");
        var topUp = JsonDocument.Parse(body).RootElement;
        return new TopUp(Guid.Parse(topUp.Id()), topUp.SessionId());
    }

    private static Task PayAsync(LoopbackSimulator simulator, TopUp topUp, bool stripe) => stripe
        ? simulator.PostAsync($"/_simulator/stripe/sessions/{topUp.SessionId}/complete", new { method = "card", cardNumber = "4242424242424242" })
        : simulator.PostAsync($"/_simulator/payermax/orders/{topUp.Id:N}/complete", new { paymentMethodType = "WALLET", targetOrg = "GCASH" });

    /// <summary>An admin refunds 15.00 of the top-up; returns the refund's id.</summary>
    private static async Task<Guid> RefundAsync(ApiProcess api, Guid topUpId)
    {
        using var admin = Client(api, TestTokens.For("admin", "payments:admin"));
        using var response = await admin.PostRefundAsync(topUpId.ToString(), "15.00");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body}\n{api.Failures}");
        var refund = JsonDocument.Parse(body).RootElement.GetProperty("refund");
        Assert.Equal("pending", refund.GetProperty("status").GetString());
        return Guid.Parse(refund.GetProperty("id").GetString()!);
    }

    private static async Task<JsonElement> TopUpAsync(ApiProcess api, Guid topUpId)
    {
        using var console = Client(api, TestTokens.For(Account, "payments:account"));
        return await console.TopUpAsync(topUpId.ToString());
    }

    private static async Task<string> BalanceAsync(ApiProcess api)
    {
        using var console = Client(api, TestTokens.For(Account, "payments:account"));
        return await console.BalanceAsync();
    }

    private static string? RefundStatus(JsonElement topUp, Guid refundId) => topUp.GetProperty("refunds").EnumerateArray()
        .Where(r => Guid.Parse(r.GetProperty("id").GetString()!) == refundId)
        .Select(r => r.GetProperty("status").GetString())
        .SingleOrDefault();

    private static async Task<List<JsonElement>> ProviderRefundsAsync(LoopbackSimulator simulator, string path) =>
        [.. (await simulator.Control.GetFromJsonAsync<JsonElement>(path)).EnumerateArray()];

    private static PaymentsApiClient Client(ApiProcess api, string token) => new(api.BaseAddress, token);

    private sealed record TopUp(Guid Id, string SessionId);
}
