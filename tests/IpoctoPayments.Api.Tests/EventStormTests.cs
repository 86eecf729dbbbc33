using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Ledger;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace IpoctoPayments.Api.Tests;

/// <summary>
/// Hundreds of orders on both providers, their webhooks (with duplicates) delivered in a shuffled order, several at once,
/// across two API instances, while billing spends the balances; some top-ups are disputed (chargebacks and inquiries),
/// some of those decided. Then what the console reads must equal what a plain model of the payment guide says and what
/// the simulator says its disputes withdrew. The seed is printed; set IPOCTO_STORM_SEED to replay a run.
/// </summary>
public sealed class EventStormTests(ITestOutputHelper output)
{
    private const int Orders = 200;
    private const int Accounts = 10;
    private const int InFlight = 8;

    /// <summary>Accounts billing spends while their top-ups and disputes arrive, so a chargeback may find the money gone.</summary>
    private const int Spenders = 2;

    private const string SecretKey = "sk_test_ipocto_integration";

    private enum Fate
    {
        Paid,
        DeclinedThenPaid,
        Declined,
        Failed,
        Expired,
        DeclinedThenExpired,
        Untouched,
        Disputed,
        Inquired,
    }

    private enum Decision
    {
        None,
        Win,
        Lose,
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_shuffled_concurrent_storm_of_provider_events_leaves_every_order_and_balance_as_the_model_says(DatabaseProvider provider)
    {
        var seed = Environment.GetEnvironmentVariable("IPOCTO_STORM_SEED") is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var random = new Random(seed);
        output.WriteLine($"storm seed {seed} (IPOCTO_STORM_SEED={seed} replays it) on {provider}");

        await using var system = await PaymentsSystem.StartAsync(provider);
        var otherInstance = system.StartAnotherInstance();
        var accounts = Enumerable.Range(0, Accounts).Select(a => $"acc-storm-{a:D2}").ToArray();
        var consoles = accounts.ToDictionary(a => a, a => new[] { system.Console(a), otherInstance(TestTokens.For(a, Scopes.Account)) });
        PaymentsApiClient[] admins = [system.Admin(), otherInstance(TestTokens.For("admin", Scopes.Admin))];
        HttpClient[] anonymous = [system.Anonymous(), otherInstance(null)];

        // The simulator records every webhook but sends none: the test is the (unruly) network.
        await system.SetFaultsAsync(new { webhooks = new { drop = true } });
        var spenders = accounts[^Spenders..];
        var plans = Enumerable.Range(0, Orders).Select(i => Plan.Draw(i, accounts[i % Accounts], spenders.Contains(accounts[i % Accounts]), random)).ToArray();
        var billing = new Billing(system.Billing(), new Random(random.Next()));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var created = new ConcurrentDictionary<int, JsonElement>();
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (plan, _) =>
        {
            var request = plan.Provider == ProviderNames.Stripe
                ? TopUpRequest.StripeCard(plan.Amount)
                : TopUpRequest.PayerMaxGcash(plan.Amount);
            created[plan.Index] = await consoles[plan.Account][plan.Index % 2].CreateTopUpAsync(request, $"storm-{plan.Index}");
        });

        var paymentIntents = new Dictionary<int, string>();
        foreach (var plan in plans)
        {
            if (await ActOnProviderAsync(system, plan, created[plan.Index]) is { } paymentIntent)
            {
                paymentIntents[plan.Index] = paymentIntent;
            }
        }

        var firstWave = system.SimulatorService<WebhookOutbox>().Deliveries;
        var openedIn = watch.Elapsed;
        // The spenders' balances are spent while their top-ups and chargebacks arrive.
        var firstStormTask = StormAsync(system, anonymous, Copies(firstWave, random), random);
        await billing.SpendAllAsync(spenders.Select(a => (a, consoles[a][0])), firstStormTask);
        var firstStorm = await firstStormTask;

        // Refunds: asked for while the orders are settled, confirmed by the providers' own later events.
        var refunded = plans.Where(p => p.Refund > 0).ToArray();
        await Parallel.ForEachAsync(refunded, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (plan, ct) =>
        {
            using var response = await admins[plan.Index % 2].PostRefundAsync(created[plan.Index].Id(), Cents(plan.Refund));
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"seed {seed}, refund of order {plan.Index}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        });

        // The merchant answers some disputes with Stripe's magic evidence; Stripe decides them after its delay.
        var decided = plans.Where(p => p.Decision != Decision.None).ToArray();
        foreach (var plan in decided)
        {
            await DecideAsync(system, paymentIntents[plan.Index], plan.Decision);
        }

        await system.AdvanceAsync(StripeDecisionDelay);
        var secondWave = system.SimulatorService<WebhookOutbox>().Deliveries.Skip(firstWave.Count).ToArray();

        // Stale replays of the first wave ride along with the refund and dispute events, while billing spends every balance.
        var replays = firstWave.Where(_ => random.NextDouble() < 0.2);
        var secondStormTask = StormAsync(system, anonymous, [.. Copies(secondWave, random), .. replays], random);
        await billing.SpendAsync(accounts, 2, 100, 1000);
        var secondStorm = await secondStormTask;

        var answers = firstStorm.Concat(secondStorm).ToArray();
        output.WriteLine($"orders opened and settled in {openedIn.TotalSeconds:0.0} s, storms and refunds in {(watch.Elapsed - openedIn).TotalSeconds:0.0} s");
        output.WriteLine($"{Orders} orders on {Accounts} accounts, {firstWave.Count + secondWave.Length} distinct events, "
            + $"{answers.Length} deliveries ({answers.Length - firstWave.Count - secondWave.Length} duplicates), {InFlight} in flight over 2 instances, "
            + $"{refunded.Length} refunds, {plans.Count(p => p.Fate is Fate.Disputed or Fate.Inquired)} disputes ({decided.Length} decided), "
            + $"{billing.Made.Count} billing debits ({billing.Refused} refused), {answers.Count(a => a.Status == HttpStatusCode.Conflict)} disputes redelivered as their payment was not known yet");

        // A dispute of a payment not known yet is answered 409 and delivered again; everything else is taken at once.
        Assert.All(answers, a => Assert.True(
            a.Status == HttpStatusCode.OK || (a.Status == HttpStatusCode.Conflict && a.EventType.StartsWith("charge.dispute.", StringComparison.Ordinal)),
            $"seed {seed}: event {a.EventId} ({a.EventType}) answered {(int)a.Status} {a.Outcome}"));
        var taken = answers.Where(a => a.Status == HttpStatusCode.OK).ToArray();
        Assert.Equal(answers.Select(a => a.EventId).Distinct().Count(), taken.Select(a => a.EventId).Distinct().Count());
        Assert.All(taken.Where(a => a.EventId.StartsWith(ProviderNames.PayerMax, StringComparison.Ordinal)), a => Assert.Equal("SUCCESS", a.Outcome));
        Assert.All(taken.Where(a => a.EventId.StartsWith(ProviderNames.Stripe, StringComparison.Ordinal)).GroupBy(a => a.EventId), e => Assert.True(
            e.Count(a => a.Outcome != "duplicate") == 1,
            $"seed {seed}: event {e.Key} was taken as new {e.Count(a => a.Outcome != "duplicate")} times"));
        Assert.Equal(firstWave.Count + secondWave.Length, await system.InboxCountAsync());

        // What Stripe withdrew and reinstated, dispute by dispute: the truth the balances are checked against.
        var disputes = new Dictionary<int, StripeDispute>();
        foreach (var plan in plans.Where(p => p.Fate is Fate.Disputed or Fate.Inquired))
        {
            disputes[plan.Index] = await StripeDispute.OfAsync(system, paymentIntents[plan.Index]);
        }

        foreach (var plan in plans)
        {
            var order = await consoles[plan.Account][0].TopUpAsync(created[plan.Index].Id());
            Assert.True(plan.ExpectedStatus == order.Status(), $"seed {seed}: order {plan.Index} ({plan.Provider}, {plan.Fate}, refund {plan.Refund}) is {order.Status()}, the model says {plan.ExpectedStatus}");
            if (plan.ExpectedFailure is { } failure)
            {
                Assert.Equal(failure, order.GetProperty("failure").GetProperty("code").GetString());
            }

            Assert.All(order.GetProperty("refunds").EnumerateArray(), r => Assert.Equal("succeeded", r.GetProperty("status").GetString()));
            string?[] shown = [.. order.GetProperty("disputes").EnumerateArray().Select(d => d.GetProperty("providerDisputeId").GetString())];
            Assert.Equal(disputes.TryGetValue(plan.Index, out var dispute) ? [dispute.Id] : [], shown);
        }

        long total = 0;
        var negative = 0;
        var withheldTotal = new Dictionary<string, long>();
        foreach (var account in accounts)
        {
            var mine = plans.Where(p => p.Account == account).ToArray();
            var debits = billing.Made.Where(d => d.Account == account).ToArray();
            var stripe = mine.Where(p => disputes.ContainsKey(p.Index)).Select(p => disputes[p.Index]).ToArray();
            var withheld = stripe.Sum(d => d.Withheld);
            var expected = mine.Sum(p => p.Credited - p.Refund) - debits.Sum(d => d.Cents) - withheld;
            var console = consoles[account][1];
            var balance = await console.GetFromJsonAsync<JsonElement>("/api/v1/balance");
            Assert.True(expected == BillingSteps.Cents(balance.GetProperty("balance").GetProperty("amount").GetString()!), $"seed {seed}: {account}'s balance, the model says {expected}: {balance}");
            Assert.True(expected >= -stripe.Where(d => d.IsOpenOrLost).Sum(d => d.Withheld), $"seed {seed}: {account} is below what its open or lost disputes withdrew");
            Assert.Equal(Cents(Math.Max(expected, 0)), await console.BalanceAsync());
            var lines = await console.LedgerAsync(200);
            Assert.Equal(
                mine.Count(p => p.Credited > 0) + mine.Count(p => p.Refund > 0) + debits.Length + stripe.Count(d => d.Withdrawn) + stripe.Count(d => d.Reinstated),
                lines.Length);
            Assert.Equal(expected, lines.Sum(l => BillingSteps.Cents(l.GetProperty("amount").GetProperty("amount").GetString()!)));
            Assert.Equal(mine.Length, (await console.TopUpsAsync(100)).Length);
            if (expected < 0)
            {
                negative++;
                // Spent and then charged back: billing waits until a top-up brings the balance back above its debit.
                using var refused = await system.Billing().PostDebitAsync(account, "0.01", "storm-after", $"storm-after-{account}");
                Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            }

            total += expected;
            withheldTotal[account] = withheld;
        }

        output.WriteLine($"{withheldTotal.Count(w => w.Value > 0)} accounts with money withheld by disputes, {negative} of them below zero at the end");
        await AssertBooksBalanceAsync(system, total, withheldTotal,
            plans.Count(p => p.Credited > 0) + refunded.Length + billing.Made.Count + disputes.Values.Count(d => d.Withdrawn) + disputes.Values.Count(d => d.Reinstated));
    }

    private static readonly TimeSpan StripeDecisionDelay = TimeSpan.FromMinutes(5);

    /// <summary>The merchant submits Stripe's magic evidence for the payment's dispute, through Stripe's API.</summary>
    private static async Task DecideAsync(PaymentsSystem system, string paymentIntent, Decision decision)
    {
        var dispute = await StripeDispute.OfAsync(system, paymentIntent);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/disputes/{dispute.Id}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["evidence[uncategorized_text]"] = decision == Decision.Win ? "winning_evidence" : "losing_evidence",
            }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SecretKey);
        using var response = await system.Simulator.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The customer (or the session's end) does what the plan says, on the provider's side only; returns the Stripe payment paid.</summary>
    private static async Task<string?> ActOnProviderAsync(PaymentsSystem system, Plan plan, JsonElement topUp)
    {
        if (plan.Provider == ProviderNames.Stripe)
        {
            var session = $"/_simulator/stripe/sessions/{topUp.SessionId()}";
            if (plan.Fate is Fate.Declined or Fate.DeclinedThenPaid or Fate.DeclinedThenExpired)
            {
                await system.SimulatorPostAsync($"{session}/decline", new { declineCode = "insufficient_funds" });
            }

            if (plan.IsPaid)
            {
                // Stripe's test cards: 0259 is charged back as fraudulent right after it pays, 1976 brings an inquiry.
                var card = plan.Fate switch
                {
                    Fate.Disputed => "4000000000000259",
                    Fate.Inquired => "4000000000001976",
                    _ => "4242424242424242",
                };
                var paid = await system.SimulatorPostAsync($"{session}/complete", new { method = "card", cardNumber = card });
                return paid.GetProperty("payment_intent").GetProperty("id").GetString();
            }

            if (plan.Fate is Fate.Expired or Fate.DeclinedThenExpired)
            {
                await system.SimulatorPostAsync($"{session}/expire");
            }

            return null;
        }

        var order = $"/_simulator/payermax/orders/{topUp.OutTradeNo()}";
        switch (plan.Fate)
        {
            case Fate.Paid:
                await system.SimulatorPostAsync($"{order}/complete", new { paymentMethodType = "WALLET", targetOrg = "GCASH" });
                break;
            case Fate.Failed:
                await system.SimulatorPostAsync($"{order}/fail", new { code = "BALANCE_INSUFFICIENT" });
                break;
            case Fate.Expired:
                await system.SimulatorPostAsync($"{order}/close");
                break;
        }

        return null;
    }

    /// <summary>Each delivery once, a third of them up to three times more, as providers redeliver.</summary>
    private static List<WebhookDelivery> Copies(IEnumerable<WebhookDelivery> deliveries, Random random) =>
        [.. deliveries.SelectMany(d => Enumerable.Repeat(d, random.NextDouble() < 1.0 / 3 ? 1 + random.Next(1, 4) : 1))];

    /// <summary>
    /// Storms the deliveries, then sends again those answered 409 — disputes of payments not known yet — as the provider
    /// redelivers them, until every one is taken.
    /// </summary>
    private static async Task<IReadOnlyCollection<Answer>> StormAsync(PaymentsSystem system, HttpClient[] instances, List<WebhookDelivery> deliveries, Random random)
    {
        var answers = new List<Answer>();
        for (var round = 0; round < 3 && deliveries.Count > 0; round++)
        {
            var storm = await StormOnceAsync(system, instances, deliveries, random);
            answers.AddRange(storm);
            deliveries = [.. storm.Where(a => a.Status == HttpStatusCode.Conflict).Select(a => a.Delivery)];
        }

        return answers;
    }

    /// <summary>Shuffles the deliveries and sends them, <see cref="InFlight"/> at a time, alternately to each instance.</summary>
    private static async Task<IReadOnlyCollection<Answer>> StormOnceAsync(PaymentsSystem system, HttpClient[] instances, List<WebhookDelivery> deliveries, Random random)
    {
        var shuffled = deliveries.ToArray();
        random.Shuffle(shuffled);
        var answers = new ConcurrentBag<Answer>();
        await Parallel.ForEachAsync(shuffled.Select((d, i) => (Delivery: d, Instance: instances[i % instances.Length])),
            new ParallelOptions { MaxDegreeOfParallelism = InFlight },
            async (next, ct) =>
            {
                var payload = next.Delivery.Payload;
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(next.Delivery.Url).PathAndQuery)
                {
                    Content = new StringContent(payload, Encoding.UTF8, "application/json"),
                };
                foreach (var (name, value) in next.Delivery.Webhook.Sign(payload, system.Clock.GetUtcNow()))
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await next.Instance.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                // Stripe's answers say what the event did; PayerMax's carry only the acknowledgement its protocol asks for.
                var answer = response.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement : default;
                var outcome = answer.ValueKind != JsonValueKind.Object ? body
                    : answer.TryGetProperty("outcome", out var o) ? o.GetString()
                    : answer.GetProperty("code").GetString();
                answers.Add(new Answer(next.Delivery, response.StatusCode, outcome));
            });
        return answers;
    }

    /// <summary>
    /// What the database holds: balanced postings, each top-up credited once and each dispute withdrawn and reinstated at
    /// most once (reinstated only if withdrawn), a balance below zero only by what its disputes withhold, balances that
    /// add up to the books.
    /// </summary>
    private static async Task AssertBooksBalanceAsync(PaymentsSystem system, long customerTotal, Dictionary<string, long> withheld, int postings)
    {
        var entries = await system.InDatabaseAsync(db => db.Set<EntryRecord>().AsNoTracking()
            .Select(e => new { e.PostingId, e.Currency, e.Side, e.MinorUnits, e.AccountType }).ToListAsync());
        var keys = await system.InDatabaseAsync(db => db.Set<PostingRecord>().AsNoTracking().Select(p => new { p.SubjectId, p.Kind, p.PartId }).ToListAsync());
        var balances = await system.InDatabaseAsync(db => db.Set<BalanceRecord>().AsNoTracking().ToListAsync());

        Assert.Equal(postings, entries.Select(e => e.PostingId).Distinct().Count());
        Assert.All(entries.GroupBy(e => (e.PostingId, e.Currency)), posting =>
            Assert.True(posting.Sum(e => e.Side == nameof(IpoctoPayments.Domain.Ledger.EntrySide.Debit) ? e.MinorUnits : -e.MinorUnits) == 0, $"posting {posting.Key} does not sum to zero"));
        Assert.All(entries.GroupBy(e => e.Currency), currency =>
            Assert.True(currency.Sum(e => e.Side == nameof(IpoctoPayments.Domain.Ledger.EntrySide.Debit) ? e.MinorUnits : -e.MinorUnits) == 0, $"the {currency.Key} books do not sum to zero"));
        Assert.All(keys.Where(k => k.Kind == "TopUpCredit").GroupBy(k => k.SubjectId), credits => Assert.Single(credits));
        Assert.All(keys.Where(k => k.Kind is "DisputeWithdrawal" or "DisputeReinstatement").GroupBy(k => k.PartId), dispute =>
        {
            Assert.True(dispute.Count(k => k.Kind == "DisputeWithdrawal") == 1, $"dispute {dispute.Key} withdrawn {dispute.Count(k => k.Kind == "DisputeWithdrawal")} times");
            Assert.True(dispute.Count(k => k.Kind == "DisputeReinstatement") <= 1, $"dispute {dispute.Key} reinstated more than once");
        });
        Assert.All(balances, b =>
        {
            Assert.Equal(withheld[b.AccountId], b.DisputedMinorUnits);
            Assert.True(b.MinorUnits >= -b.DisputedMinorUnits, $"{b.AccountId} is {b.MinorUnits}, below what its disputes withhold ({b.DisputedMinorUnits})");
        });
        Assert.Equal(customerTotal, balances.Sum(b => b.MinorUnits));
    }

    private static string Cents(long minor) => (minor / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private sealed record Answer(WebhookDelivery Delivery, HttpStatusCode Status, string? Outcome)
    {
        public string EventId => $"{Delivery.Provider}:{Delivery.EventId}";

        public string EventType => Delivery.EventType;
    }

    /// <summary>A Stripe dispute as Stripe's API shows it, and what its balance transactions took from the merchant.</summary>
    private sealed record StripeDispute(string Id, string Status, long Withdrew, long GaveBack)
    {
        public bool Withdrawn => Withdrew > 0;

        public bool Reinstated => GaveBack > 0;

        public long Withheld => Withdrew - GaveBack;

        public bool IsOpenOrLost => Status is not ("won" or "warning_closed");

        public static async Task<StripeDispute> OfAsync(PaymentsSystem system, string paymentIntent)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/disputes?payment_intent={paymentIntent}");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", SecretKey);
            using var response = await system.Simulator.SendAsync(request);
            var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var dispute = Assert.Single(list.GetProperty("data").EnumerateArray());
            var moves = dispute.GetProperty("balance_transactions").EnumerateArray().Select(t => t.GetProperty("amount").GetInt64()).ToArray();
            return new StripeDispute(dispute.GetProperty("id").GetString()!, dispute.GetProperty("status").GetString()!,
                -moves.Where(m => m < 0).Sum(), moves.Where(m => m > 0).Sum());
        }
    }

    /// <summary>ipocto's billing spending balances: each debit is either made (201) or refused for want of money (422).</summary>
    private sealed class Billing(PaymentsApiClient client, Random random)
    {
        private int refused;

        public ConcurrentBag<(string Account, long Cents)> Made { get; } = [];

        public int Refused => refused;

        /// <summary><paramref name="perAccount"/> debits of each account, a few at once, of amounts drawn from the range.</summary>
        public async Task SpendAsync(IEnumerable<string> accounts, int perAccount, long minCents, long maxCents)
        {
            var debits = accounts.SelectMany(a => Enumerable.Range(0, perAccount).Select(_ => (Account: a, Cents: random.NextInt64(minCents, maxCents)))).ToArray();
            await Parallel.ForEachAsync(debits, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (debit, _) => await DebitAsync(debit.Account, debit.Cents));
        }

        /// <summary>Spends all each account holds, round after round while the storm lasts, so chargebacks arriving later find it gone.</summary>
        public async Task SpendAllAsync(IEnumerable<(string Account, PaymentsApiClient Console)> accounts, Task storm)
        {
            for (var round = 0; round < 40 && !storm.IsCompleted; round++)
            {
                foreach (var (account, console) in accounts)
                {
                    if (BillingSteps.Cents(await console.BalanceAsync()) is var available and > 0)
                    {
                        await DebitAsync(account, available);
                    }
                }
            }
        }

        private async Task DebitAsync(string account, long cents)
        {
            using var response = await client.PostDebitAsync(account, Cents(cents), "storm", Guid.NewGuid().ToString("N"));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                Made.Add((account, cents));
                return;
            }

            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity && body.Contains("insufficient_balance", StringComparison.Ordinal), $"debit of {account}: {(int)response.StatusCode} {body}");
            Interlocked.Increment(ref refused);
        }
    }

    /// <summary>One order's fate, and what the guide says the console then shows: the model the storm is checked against.</summary>
    private sealed record Plan(int Index, string Account, string Provider, long Minor, Fate Fate, long Refund, Decision Decision)
    {
        public string Amount => Cents(Minor);

        public bool IsPaid => Fate is Fate.Paid or Fate.DeclinedThenPaid or Fate.Disputed or Fate.Inquired;

        public long Credited => IsPaid ? Minor : 0;

        public string ExpectedStatus => Fate switch
        {
            _ when Refund == Minor => "refunded",
            _ when Refund > 0 => "partially_refunded",
            Fate.Paid or Fate.DeclinedThenPaid or Fate.Disputed or Fate.Inquired => "succeeded",
            Fate.Failed => "failed",
            Fate.Expired or Fate.DeclinedThenExpired => "expired",
            _ => "awaiting_payment",
        };

        public string? ExpectedFailure => Fate switch
        {
            Fate.Failed => "insufficient_funds",
            Fate.Expired or Fate.DeclinedThenExpired => "payment_expired",
            _ => null,
        };

        /// <summary>
        /// A disputed top-up is not refunded (the bank takes the money back itself), nor is a spender's (billing may have
        /// spent it); an inquiry is only ever won here, since Stripe closes an inquiry in the merchant's favour or turns it
        /// into a chargeback.
        /// </summary>
        public static Plan Draw(int index, string account, bool spender, Random random)
        {
            var provider = index % 2 == 0 ? ProviderNames.Stripe : ProviderNames.PayerMax;
            Fate[] fates = provider == ProviderNames.Stripe
                ? [Fate.Paid, Fate.Paid, Fate.Paid, Fate.DeclinedThenPaid, Fate.Declined, Fate.Expired, Fate.DeclinedThenExpired, Fate.Untouched, Fate.Disputed, Fate.Disputed, Fate.Inquired]
                : [Fate.Paid, Fate.Paid, Fate.Paid, Fate.Paid, Fate.Failed, Fate.Expired, Fate.Untouched];
            var fate = fates[random.Next(fates.Length)];
            var minor = random.NextInt64(500, 6000);
            var refund = fate is Fate.Paid or Fate.DeclinedThenPaid && !spender && random.NextDouble() < 0.3
                ? random.NextDouble() < 0.5 ? minor : random.NextInt64(100, minor)
                : 0;
            Decision[] decisions = fate switch
            {
                Fate.Disputed => [Decision.None, Decision.Win, Decision.Lose],
                Fate.Inquired => [Decision.None, Decision.Win],
                _ => [Decision.None],
            };
            return new Plan(index, account, provider, minor, fate, refund, decisions[random.Next(decisions.Length)]);
        }
    }
}
