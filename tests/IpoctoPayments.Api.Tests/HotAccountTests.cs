using System.Diagnostics;
using System.Net;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Ledger;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Infrastructure.TopUps;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace IpoctoPayments.Api.Tests;

/// <summary>
/// One account that many payments credit at once (a reseller topping up in bulk): every payment's webhook arrives in
/// the same moment, over two API instances. Each must be applied, once, and the balance must be their exact sum.
/// </summary>
public sealed class HotAccountTests(ITestOutputHelper output)
{
    private const int Payments = 210;

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Two_hundred_payments_to_one_account_delivered_at_once_are_each_credited_once(DatabaseProvider provider)
    {
        const string account = "acc-hot";
        await using var system = await PaymentsSystem.StartAsync(provider);
        PaymentsApiClient[] instances = [system.Anonymous(), system.AnotherInstance()];
        var console = system.Console(account);

        var watch = Stopwatch.StartNew();
        var held = await system.PayWithWebhooksHeldAsync(console, [.. Enumerable.Range(0, Payments).Select(i => $"{1 + (i % 9)}.{i * 7 % 100:D2}")]);
        var prepared = watch.Elapsed;

        watch.Restart();
        var answers = await Task.WhenAll(held.Select((h, i) => system.DeliverAsync(instances[i % 2], h.Payload)));
        var delivered = watch.Elapsed;

        output.WriteLine($"{provider}: {Payments} paid top-ups opened and paid in {prepared.TotalSeconds:0.0} s; "
            + $"their {Payments} webhooks, all at once over 2 instances, answered in {delivered.TotalSeconds:0.00} s "
            + $"({Payments / delivered.TotalSeconds:0} per second): "
            + string.Join(", ", answers.GroupBy(a => $"{(int)a.Status} {a.Outcome}").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} × {g.Key}")));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK && a.Outcome == "applied", $"{(int)a.Status} {a.Body}"));
        var expected = held.Sum(h => BillingSteps.Cents(h.Amount));
        Assert.Equal(BillingSteps.Usd(expected), await console.BalanceAsync());
        Assert.Equal(expected, await system.StoredBalanceAsync(account));

        var credits = await system.InDatabaseAsync(db => db.Set<PostingRecord>().Where(p => p.Kind == "TopUpCredit").Select(p => p.SubjectId).ToListAsync());
        var orders = held.Select(h => Guid.Parse(h.TopUp.Id())).ToHashSet();
        Assert.Equal(Payments, credits.Count);
        Assert.True(orders.SetEquals(credits), "each order has exactly one credit posting");
        var credited = await system.InDatabaseAsync(db => db.Set<EntryRecord>()
            .Where(e => e.AccountType == "CustomerBalance" && e.AccountOwner == account)
            .SumAsync(e => e.MinorUnits));
        Assert.Equal(expected, credited);
        Assert.Equal(Payments, await system.InboxCountAsync());
        var statuses = await system.InDatabaseAsync(db => db.Set<TopUpOrderRecord>().Where(o => o.AccountId == account).Select(o => o.Status).ToListAsync());
        Assert.Equal(Payments, statuses.Count);
        Assert.All(statuses, s => Assert.Equal("Succeeded", s));
    }
}
