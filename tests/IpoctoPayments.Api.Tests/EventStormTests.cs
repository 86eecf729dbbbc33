using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
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
/// across two API instances; then what the console reads must equal what a plain model of the payment guide says.
/// The seed is printed; set IPOCTO_STORM_SEED to replay a run.
/// </summary>
public sealed class EventStormTests(ITestOutputHelper output)
{
    private const int Orders = 200;
    private const int Accounts = 10;
    private const int InFlight = 8;

    private enum Fate
    {
        Paid,
        DeclinedThenPaid,
        Declined,
        Failed,
        Expired,
        DeclinedThenExpired,
        Untouched,
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
        var plans = Enumerable.Range(0, Orders).Select(i => Plan.Draw(i, accounts[i % Accounts], random)).ToArray();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var created = new ConcurrentDictionary<int, JsonElement>();
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (plan, _) =>
        {
            var request = plan.Provider == ProviderNames.Stripe
                ? TopUpRequest.StripeCard(plan.Amount)
                : TopUpRequest.PayerMaxGcash(plan.Amount);
            created[plan.Index] = await consoles[plan.Account][plan.Index % 2].CreateTopUpAsync(request, $"storm-{plan.Index}");
        });

        foreach (var plan in plans)
        {
            await ActOnProviderAsync(system, plan, created[plan.Index]);
        }

        var firstWave = system.SimulatorService<WebhookOutbox>().Deliveries;
        var openedIn = watch.Elapsed;
        var firstStorm = await StormAsync(system, anonymous, Copies(firstWave, random), random);

        // Refunds: asked for while the orders are settled, confirmed by the providers' own later events.
        var refunded = plans.Where(p => p.Refund > 0).ToArray();
        await Parallel.ForEachAsync(refunded, new ParallelOptions { MaxDegreeOfParallelism = InFlight }, async (plan, ct) =>
        {
            using var response = await admins[plan.Index % 2].PostRefundAsync(created[plan.Index].Id(), Cents(plan.Refund));
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"seed {seed}, refund of order {plan.Index}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        });
        await system.AdvanceAsync(TimeSpan.FromMinutes(2));
        var secondWave = system.SimulatorService<WebhookOutbox>().Deliveries.Skip(firstWave.Count).ToArray();

        // Stale replays of the first wave ride along with the refund events.
        var replays = firstWave.Where(_ => random.NextDouble() < 0.2);
        var secondStorm = await StormAsync(system, anonymous, [.. Copies(secondWave, random), .. replays], random);

        var answers = firstStorm.Concat(secondStorm).ToArray();
        output.WriteLine($"orders opened and settled in {openedIn.TotalSeconds:0.0} s, storms and refunds in {(watch.Elapsed - openedIn).TotalSeconds:0.0} s");
        output.WriteLine($"{Orders} orders on {Accounts} accounts, {firstWave.Count + secondWave.Length} distinct events, "
            + $"{answers.Length} deliveries ({answers.Length - firstWave.Count - secondWave.Length} duplicates), {InFlight} in flight over 2 instances, "
            + $"{refunded.Length} refunds");

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"seed {seed}: event {a.EventId} answered {(int)a.Status} {a.Outcome}"));
        Assert.All(answers.Where(a => a.EventId.StartsWith(ProviderNames.PayerMax, StringComparison.Ordinal)), a => Assert.Equal("SUCCESS", a.Outcome));
        Assert.All(answers.Where(a => a.EventId.StartsWith(ProviderNames.Stripe, StringComparison.Ordinal)).GroupBy(a => a.EventId), e => Assert.True(
            e.Count(a => a.Outcome != "duplicate") == 1,
            $"seed {seed}: event {e.Key} was taken as new {e.Count(a => a.Outcome != "duplicate")} times"));
        Assert.Equal(firstWave.Count + secondWave.Length, await system.InboxCountAsync());

        foreach (var plan in plans)
        {
            var order = await consoles[plan.Account][0].TopUpAsync(created[plan.Index].Id());
            Assert.True(plan.ExpectedStatus == order.Status(), $"seed {seed}: order {plan.Index} ({plan.Provider}, {plan.Fate}, refund {plan.Refund}) is {order.Status()}, the model says {plan.ExpectedStatus}");
            if (plan.ExpectedFailure is { } failure)
            {
                Assert.Equal(failure, order.GetProperty("failure").GetProperty("code").GetString());
            }

            Assert.All(order.GetProperty("refunds").EnumerateArray(), r => Assert.Equal("succeeded", r.GetProperty("status").GetString()));
        }

        long total = 0;
        foreach (var account in accounts)
        {
            var expected = plans.Where(p => p.Account == account).Sum(p => p.Credited - p.Refund);
            var console = consoles[account][1];
            Assert.True(Cents(expected) == await console.BalanceAsync(), $"seed {seed}: {account}'s balance");
            var lines = await console.LedgerAsync(200);
            Assert.Equal(plans.Count(p => p.Account == account && p.Credited > 0) + plans.Count(p => p.Account == account && p.Refund > 0), lines.Length);
            Assert.Equal(expected, lines.Sum(l => MinorUnits(l.GetProperty("amount").GetProperty("amount").GetString()!)));
            Assert.Equal(plans.Count(p => p.Account == account), (await console.TopUpsAsync(100)).Length);
            total += expected;
        }

        await AssertBooksBalanceAsync(system, total, plans.Count(p => p.Credited > 0) + refunded.Length);
    }

    /// <summary>The customer (or the session's end) does what the plan says, on the provider's side only.</summary>
    private static async Task ActOnProviderAsync(PaymentsSystem system, Plan plan, JsonElement topUp)
    {
        if (plan.Provider == ProviderNames.Stripe)
        {
            var session = $"/_simulator/stripe/sessions/{topUp.SessionId()}";
            if (plan.Fate is Fate.Declined or Fate.DeclinedThenPaid or Fate.DeclinedThenExpired)
            {
                await system.SimulatorPostAsync($"{session}/decline", new { declineCode = "insufficient_funds" });
            }

            if (plan.Fate is Fate.Paid or Fate.DeclinedThenPaid)
            {
                await system.SimulatorPostAsync($"{session}/complete", new { method = "card", cardNumber = "4242424242424242" });
            }
            else if (plan.Fate is Fate.Expired or Fate.DeclinedThenExpired)
            {
                await system.SimulatorPostAsync($"{session}/expire");
            }

            return;
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
    }

    /// <summary>Each delivery once, a third of them up to three times more, as providers redeliver.</summary>
    private static List<WebhookDelivery> Copies(IEnumerable<WebhookDelivery> deliveries, Random random) =>
        [.. deliveries.SelectMany(d => Enumerable.Repeat(d, random.NextDouble() < 1.0 / 3 ? 1 + random.Next(1, 4) : 1))];

    /// <summary>Shuffles the deliveries and sends them, <see cref="InFlight"/> at a time, alternately to each instance.</summary>
    private static async Task<IReadOnlyCollection<Answer>> StormAsync(PaymentsSystem system, HttpClient[] instances, List<WebhookDelivery> deliveries, Random random)
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
                answers.Add(new Answer($"{next.Delivery.Provider}:{next.Delivery.EventId}", response.StatusCode, outcome));
            });
        return answers;
    }

    /// <summary>What the database holds: balanced postings, no negative balance, balances that add up to the books.</summary>
    private static async Task AssertBooksBalanceAsync(PaymentsSystem system, long customerTotal, int postings)
    {
        var entries = await system.InDatabaseAsync(db => db.Set<EntryRecord>().AsNoTracking()
            .Select(e => new { e.PostingId, e.Currency, e.Side, e.MinorUnits, e.AccountType }).ToListAsync());
        var balances = await system.InDatabaseAsync(db => db.Set<BalanceRecord>().AsNoTracking().ToListAsync());

        Assert.Equal(postings, entries.Select(e => e.PostingId).Distinct().Count());
        Assert.All(entries.GroupBy(e => (e.PostingId, e.Currency)), posting =>
            Assert.True(posting.Sum(e => e.Side == nameof(IpoctoPayments.Domain.Ledger.EntrySide.Debit) ? e.MinorUnits : -e.MinorUnits) == 0, $"posting {posting.Key} does not sum to zero"));
        Assert.All(balances, b => Assert.True(b.MinorUnits >= 0, $"{b.AccountId} is {b.MinorUnits}"));
        Assert.Equal(customerTotal, balances.Sum(b => b.MinorUnits));
    }

    private static string Cents(long minor) => (minor / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static long MinorUnits(string amount) => (long)(decimal.Parse(amount, CultureInfo.InvariantCulture) * 100);

    private sealed record Answer(string EventId, HttpStatusCode Status, string? Outcome);

    /// <summary>One order's fate, and what the guide says the console then shows: the model the storm is checked against.</summary>
    private sealed record Plan(int Index, string Account, string Provider, long Minor, Fate Fate, long Refund)
    {
        public string Amount => Cents(Minor);

        public bool IsPaid => Fate is Fate.Paid or Fate.DeclinedThenPaid;

        public long Credited => IsPaid ? Minor : 0;

        public string ExpectedStatus => Fate switch
        {
            _ when Refund == Minor => "refunded",
            _ when Refund > 0 => "partially_refunded",
            Fate.Paid or Fate.DeclinedThenPaid => "succeeded",
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

        public static Plan Draw(int index, string account, Random random)
        {
            var provider = index % 2 == 0 ? ProviderNames.Stripe : ProviderNames.PayerMax;
            Fate[] fates = provider == ProviderNames.Stripe
                ? [Fate.Paid, Fate.Paid, Fate.Paid, Fate.DeclinedThenPaid, Fate.Declined, Fate.Expired, Fate.DeclinedThenExpired, Fate.Untouched]
                : [Fate.Paid, Fate.Paid, Fate.Paid, Fate.Paid, Fate.Failed, Fate.Expired, Fate.Untouched];
            var fate = fates[random.Next(fates.Length)];
            var minor = random.NextInt64(500, 6000);
            var refund = fate is Fate.Paid or Fate.DeclinedThenPaid && random.NextDouble() < 0.3
                ? random.NextDouble() < 0.5 ? minor : random.NextInt64(100, minor)
                : 0;
            return new Plan(index, account, provider, minor, fate, refund);
        }
    }
}
