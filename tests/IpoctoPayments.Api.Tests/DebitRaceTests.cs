using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;
using Xunit.Abstractions;

namespace IpoctoPayments.Api.Tests;

/// <summary>
/// Debits and credits on one balance, all at once over two API instances: the balance moves in one conditional statement,
/// so every debit the money covers goes through, none the money does not cover does, and it never goes below zero.
/// </summary>
public sealed class DebitRaceTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Forty_debits_the_balance_covers_racing_forty_credits_all_go_through_and_the_balance_adds_up(DatabaseProvider provider)
    {
        const int Debits = 40;
        const int Credits = 40;
        const string account = "acc-race-mixed";
        await using var system = await PaymentsSystem.StartAsync(provider);
        var other = system.StartAnotherInstance();
        PaymentsApiClient[] billing = [system.Billing(), other(TestTokens.Billing())];
        PaymentsApiClient[] providers = [system.Anonymous(), other(null)];
        var console = system.Console(account);
        await system.PaidStripeTopUpAsync(console, "40.00");
        var held = await system.PayWithWebhooksHeldAsync(console, [.. Enumerable.Range(0, Credits).Select(i => $"{1 + (i % 4)}.{i:D2}")]);
        var credited = held.Sum(h => BillingSteps.Cents(h.Amount));

        // Someone watches the balance the whole time: it must never read below zero.
        using var raceOver = new CancellationTokenSource();
        var seen = new ConcurrentBag<long>();
        var watcher = Task.Run(async () =>
        {
            while (!raceOver.IsCancellationRequested)
            {
                seen.Add(BillingSteps.Cents(await console.BalanceAsync()));
            }
        });

        var watch = Stopwatch.StartNew();
        var debits = AllAtOnceAsync(Debits, i => billing[i % 2].PostDebitAsync(account, "1.00", $"inv-{i}", $"race-mixed-{i}"));
        var credits = held.Select((h, i) => system.DeliverAsync(providers[(i + 1) % 2], h.Payload)).ToArray();
        var debitAnswers = await debits;
        var creditAnswers = await Task.WhenAll(credits);
        var took = watch.Elapsed;
        await raceOver.CancelAsync();
        await watcher;

        output.WriteLine($"{provider}: {Debits} debits and {Credits} credits at once over 2 instances in {took.TotalMilliseconds:0} ms; "
            + $"debits answered {Summary(debitAnswers.Select(a => $"{(int)a.StatusCode}"))}, "
            + $"credits {Summary(creditAnswers.Select(a => $"{(int)a.Status} {a.Outcome}"))}; {seen.Count} balance reads, lowest {BillingSteps.Usd(seen.Min())}");
        Assert.All(debitAnswers, a => Assert.True(a.StatusCode == HttpStatusCode.Created, $"{(int)a.StatusCode} {a.Body}"));
        Assert.All(debitAnswers, a => Assert.True(BillingSteps.Cents(a.Json.BalanceAfter()) >= 0, a.Body));
        Assert.All(creditAnswers, a => Assert.True(a.Status == HttpStatusCode.OK && a.Outcome == "applied", $"{(int)a.Status} {a.Body}"));
        Assert.All(seen, cents => Assert.True(cents >= 0, $"the balance read {cents} cents"));

        var expected = 4000 + credited - (Debits * 100);
        Assert.Equal(BillingSteps.Usd(expected), await console.BalanceAsync());
        Assert.Equal(expected, await system.StoredBalanceAsync(account));
        var ledger = await BillingSteps.FullLedgerAsync(console);
        Assert.Equal(Debits, ledger.Count(l => l.Kind() == "billing_debit"));
        Assert.Equal(Credits + 1, ledger.Count(l => l.Kind() == "top_up_credit"));
        Assert.Equal(expected, ledger.Sum(l => BillingSteps.Cents(l.LineAmount())));
        Assert.Equal(Debits, await system.PostingsAsync(account, "BillingDebit"));
        Assert.Equal(Credits + 1, await system.PostingsAsync(account, "TopUpCredit"));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Thirty_debits_at_once_on_ten_dollars_take_exactly_ten_and_refuse_the_rest(DatabaseProvider provider)
    {
        const int Attempts = 30;
        const string account = "acc-race-short";
        await using var system = await PaymentsSystem.StartAsync(provider);
        var billing = BillingOnTwoInstances(system);
        var console = system.Console(account);
        await system.PaidStripeTopUpAsync(console, "10.00");

        var watch = Stopwatch.StartNew();
        var answers = await AllAtOnceAsync(Attempts, i => billing[i % 2].PostDebitAsync(account, "1.00", $"inv-{i}", $"race-short-{i}"));

        output.WriteLine($"{provider}: {Attempts} debits of 1.00 on 10.00 at once over 2 instances in {watch.ElapsedMilliseconds} ms: "
            + Summary(answers.Select(a => $"{(int)a.StatusCode} {a.Code}".Trim())));
        Assert.All(answers, a => Assert.True(
            a.StatusCode == HttpStatusCode.Created || (a.StatusCode == HttpStatusCode.UnprocessableEntity && a.Code == "insufficient_balance"),
            $"{(int)a.StatusCode} {a.Body}"));
        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(20, answers.Count(a => a.Code == "insufficient_balance"));
        Assert.Equal("0.00", await console.BalanceAsync());
        Assert.Equal(0, await system.StoredBalanceAsync(account));
        var ledger = await BillingSteps.FullLedgerAsync(console);
        Assert.Equal(10, ledger.Count(l => l.Kind() == "billing_debit"));
        Assert.Equal(0, ledger.Sum(l => BillingSteps.Cents(l.LineAmount())));
        Assert.Equal(10, await system.PostingsAsync(account, "BillingDebit"));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Ten_retries_of_one_debit_at_once_make_one_debit(DatabaseProvider provider)
    {
        const int Retries = 10;
        const string account = "acc-race-twins";
        await using var system = await PaymentsSystem.StartAsync(provider);
        var billing = BillingOnTwoInstances(system);
        var console = system.Console(account);
        await system.PaidStripeTopUpAsync(console, "20.00");

        var answers = await AllAtOnceAsync(Retries, i => billing[i % 2].PostDebitAsync(account, "5.00", "inv-twin", "race-twin"));

        output.WriteLine($"{provider}: {Retries} retries of one debit at once: {Summary(answers.Select(a => $"{(int)a.StatusCode}"))}");
        // Each is the debit's first answer, given now or again, or — while the first is still running — 409 to retry later.
        Assert.All(answers, a => Assert.True(
            a.StatusCode == HttpStatusCode.Created || (a.StatusCode == HttpStatusCode.Conflict && a.Json.GetProperty("code").GetString() == "idempotency_key_in_use"),
            $"{(int)a.StatusCode} {a.Body}"));
        var made = Assert.Single(answers.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => a.Body).Distinct());
        using var retried = await billing[0].PostDebitAsync(account, "5.00", "inv-twin", "race-twin");
        Assert.Equal((HttpStatusCode.Created, made), (retried.StatusCode, await retried.Content.ReadAsStringAsync()));
        Assert.Equal("15.00", await console.BalanceAsync());
        Assert.Equal(1500, await system.StoredBalanceAsync(account));
        Assert.Equal(1, await system.PostingsAsync(account, "BillingDebit"));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Ten_reversals_of_one_debit_at_once_put_the_amount_back_once(DatabaseProvider provider)
    {
        const int Reversals = 10;
        const string account = "acc-race-reversals";
        await using var system = await PaymentsSystem.StartAsync(provider);
        var billing = BillingOnTwoInstances(system);
        var console = system.Console(account);
        await system.PaidStripeTopUpAsync(console, "20.00");
        var id = (await BillingSteps.DebitAsync(system.Billing(), account, "5.00", "inv-r", "race-reversal")).Id();

        var answers = await AllAtOnceAsync(Reversals, i => billing[i % 2].PostReversalAsync(account, id));

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.OK, $"{(int)a.StatusCode} {a.Body}"));
        Assert.All(answers, a => Assert.Equal("reversed", a.Json.Status()));
        Assert.Equal("20.00", await console.BalanceAsync());
        Assert.Equal(2000, await system.StoredBalanceAsync(account));
        Assert.Equal(1, await system.PostingsAsync(account, "BillingDebitReversal"));
        Assert.Single(await BillingSteps.FullLedgerAsync(console), l => l.Kind() == "billing_debit_reversal");
    }

    /// <summary>A second API instance on the system's database; billing's client of each instance, the first one's first.</summary>
    private static PaymentsApiClient[] BillingOnTwoInstances(PaymentsSystem system) => [system.Billing(), system.AnotherInstance(TestTokens.Billing())];

    /// <summary>Sends the requests all at once, the i-th by <paramref name="send"/>(i); returns each answer, in order.</summary>
    private static Task<Answer[]> AllAtOnceAsync(int count, Func<int, Task<HttpResponseMessage>> send) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            using var response = await send(i);
            return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
        }));

    private static string Summary(IEnumerable<string> answers) =>
        string.Join(", ", answers.GroupBy(a => a).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} × {g.Key}"));

    /// <summary>One answer of a race: its status and its body, as read.</summary>
    private sealed record Answer(HttpStatusCode StatusCode, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        /// <summary>The problem's code; empty for a debit made (201).</summary>
        public string? Code => StatusCode == HttpStatusCode.Created ? "" : Json.GetProperty("code").GetString();
    }
}
