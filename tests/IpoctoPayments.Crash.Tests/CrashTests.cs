using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Testing;
using Xunit.Abstractions;

namespace IpoctoPayments.Crash.Tests;

/// <summary>
/// The API process killed (SIGKILL) while the providers' webhooks pour in, then started again on the same database:
/// the providers redeliver what was not acknowledged, and every paid order is credited exactly once.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Orders = 40;
    private const int Accounts = 5;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [SkippableTheory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Killing_the_api_mid_delivery_loses_no_payment_and_credits_none_twice(DatabaseProvider provider)
    {
        var watch = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var simulator = await LoopbackSimulator.StartAsync();
        var settings = ApiProcess.Settings(database, simulator);
        await using var api = await ApiProcess.StartAsync(settings);
        simulator.Route.Target = api.BaseAddress;
        var started = watch.Elapsed;

        // Customers open top-ups on the console, a few at a time, and pay them; the providers queue webhooks for each payment.
        var orders = new PaidOrder[Orders];
        await Parallel.ForEachAsync(Enumerable.Range(0, Orders), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) => orders[i] = await CreateAsync(api, i));
        foreach (var order in orders)
        {
            await PayAsync(simulator, order);
        }

        var deliveries = simulator.Deliveries.Count;
        var paid = watch.Elapsed;

        // The providers deliver many at once; a third of the way through, with deliveries on the wire, the API is killed.
        var killed = simulator.Route.WhenAcknowledged(deliveries / 3, othersInFlight: 2, api.Kill);
        var delivering = simulator.Scheduler.RunDueAsync();
        var atKill = await killed.WaitAsync(Deadline);
        await api.KillAsync();
        await delivering.WaitAsync(Deadline);

        // The same database, a new process; the providers retry on their own schedules (at most a minute away).
        var killedAt = watch.Elapsed;
        await using var restarted = await ApiProcess.StartAsync(settings);
        simulator.Route.Target = restarted.BaseAddress;
        var restartedAt = watch.Elapsed;
        var unacknowledged = simulator.Deliveries.Count(d => d.Status != DeliveryStatus.Delivered);
        await simulator.RunRetriesAsync(Deadline);

        var redeliveries = simulator.Deliveries.Sum(d => d.Attempts.Count - 1);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider}: {Orders} orders, {deliveries} webhook deliveries, {atKill.Acknowledged} acknowledged before the kill, {atKill.OthersInFlight} in flight at the kill, "
            + $"{unacknowledged} left unacknowledged, {redeliveries} redelivery attempts after the restart; seconds: started {started.TotalSeconds:0.0}, "
            + $"paid {paid.TotalSeconds:0.0}, killed {killedAt.TotalSeconds:0.0}, restarted {restartedAt.TotalSeconds:0.0}, redelivered {watch.Elapsed.TotalSeconds:0.0}"));

        Assert.All(simulator.Deliveries, d => Assert.True(d.Status == DeliveryStatus.Delivered, $"{d.Id} {d.EventType}: {d.Status}"));
        Assert.True(unacknowledged > 0, "the kill interrupted nothing");

        // What the console shows: every order paid, every balance the sum of its paid orders.
        foreach (var order in orders)
        {
            using var console = Console(restarted, order.Account);
            Assert.Equal("succeeded", (await console.TopUpAsync(order.Id.ToString())).Status());
        }

        var expected = orders.GroupBy(o => o.Account).ToDictionary(g => g.Key, g => g.Sum(o => o.Cents));
        foreach (var (account, cents) in expected)
        {
            using var console = Console(restarted, account);
            Assert.Equal(Amount(cents), await console.BalanceAsync());
        }

        // What the books say.
        var books = await Books.ReadAsync(database);
        Assert.Equal(orders.Select(o => o.Id).Order(), books.Postings.Where(p => p.Kind == "TopUpCredit").Select(p => p.SubjectId).Order());
        Assert.All(books.Postings, p => Assert.Equal("TopUpCredit", p.Kind));
        Assert.All(books.Entries.GroupBy(e => (e.Posting, e.Currency)), posting =>
            Assert.True(posting.Sum(e => e.Signed) == 0, $"posting {posting.Key.Posting} in {posting.Key.Currency} does not balance"));
        var customerEntries = books.Entries.Where(e => e.AccountType == "CustomerBalance").Sum(e => -e.Signed);
        Assert.Equal(expected.Values.Sum(), books.Balances.Values.Sum());
        Assert.Equal(books.Balances.Values.Sum(), customerEntries);
        Assert.Equal(expected, books.Balances);
    }

    /// <summary>Every fourth order is a PayerMax GCash top-up, the others Stripe card top-ups; amounts differ so a double credit shows.</summary>
    private static async Task<PaidOrder> CreateAsync(ApiProcess api, int i)
    {
        var account = $"acc-crash-{i % Accounts}";
        var cents = 500 + (i * 101);
        var payerMax = i % 4 == 3;
        using var console = Console(api, account);
        using var response = await console.PostTopUpAsync(payerMax ? TopUpRequest.PayerMaxGcash(Amount(cents)) : TopUpRequest.StripeCard(Amount(cents)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{body}\n{api.Failures}");
        var topUp = JsonDocument.Parse(body).RootElement;
        return new PaidOrder(Guid.Parse(topUp.Id()), account, cents, payerMax, topUp.SessionId());
    }

    private static Task PayAsync(LoopbackSimulator simulator, PaidOrder order) => order.PayerMax
        ? simulator.PostAsync($"/_simulator/payermax/orders/{order.Id:N}/complete", new { paymentMethodType = "WALLET", targetOrg = "GCASH" })
        : simulator.PostAsync($"/_simulator/stripe/sessions/{order.SessionId}/complete", new { method = "card", cardNumber = "4242424242424242" });

    private static PaymentsApiClient Console(ApiProcess api, string account) => new(api.BaseAddress, TestTokens.For(account, "payments:account"));

    private static string Amount(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private sealed record PaidOrder(Guid Id, string Account, long Cents, bool PayerMax, string SessionId);
}
