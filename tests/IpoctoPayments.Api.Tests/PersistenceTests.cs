using System.Net;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Application.Ledger;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Ledger;
using IpoctoPayments.Infrastructure.Ledger;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IpoctoPayments.Api.Tests;

/// <summary>The database itself does the exactly-once work: unique posting keys, one inbox row per event, no negative balance.</summary>
public sealed class PersistenceTests
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task The_same_posting_saved_by_two_contexts_at_once_is_stored_once(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var usd = Currency.FromCode("USD").Value;
        var amount = Money.FromMinorUnits(2000, usd).Value;
        var posting = Postings.TopUpCredit(Guid.CreateVersion7(), AccountId.Parse("acc-race").Value, PaymentProvider.Stripe, amount, amount, system.Clock.GetUtcNow());
        await using var first = system.ApiServices.CreateAsyncScope();
        await using var second = system.ApiServices.CreateAsyncScope();

        // Both see no posting yet, as two API instances handling the same event would.
        Assert.Equal(PostResult.Posted, await first.ServiceProvider.GetRequiredService<ILedger>().PostAsync(posting, CancellationToken.None));
        Assert.Equal(PostResult.Posted, await second.ServiceProvider.GetRequiredService<ILedger>().PostAsync(posting, CancellationToken.None));
        var saves = new[] { first, second }.Select(async scope =>
        {
            // What the unit of work does, without its retry: save, write the balance credit, commit.
            var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            try
            {
                await db.SaveChangesAsync();
                await scope.ServiceProvider.GetRequiredService<BalanceStatements>().WriteCreditsAsync(CancellationToken.None);
                await transaction.CommitAsync();
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        });
        var saved = await Task.WhenAll(saves);

        Assert.Equal(1, saved.Count(s => s));
        Assert.Equal(1, await system.InDatabaseAsync(db => db.Set<PostingRecord>().CountAsync(p => p.Key == posting.Key.ToString())));
        Assert.Equal(2, await system.InDatabaseAsync(db => db.Set<EntryRecord>().CountAsync()));
        Assert.Equal("20.00", await system.Console("acc-race").BalanceAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Twenty_concurrent_deliveries_of_one_stripe_payment_credit_once(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-twenty");
        await system.SetFaultsAsync(new { webhooks = new { drop = true } });
        var topUp = await system.PaidStripeTopUpAsync(console, "20.00");
        var payload = system.Delivery("stripe", "checkout.session.completed").Payload;
        var signature = StripeSignature.For(payload, PaymentsSystem.StripeWebhookSecret, system.Clock.GetUtcNow());

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var response = await system.PostStripeAsync(payload, signature);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode} {r.Body}"));
        Assert.Equal("succeeded", (await console.TopUpAsync(topUp.Id())).Status());
        Assert.Equal("20.00", await console.BalanceAsync());
        Assert.Single(await console.LedgerAsync());
        Assert.Equal(1, await system.InboxCountAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task The_database_refuses_a_negative_balance(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);

        var refused = await system.InDatabaseAsync(async db =>
        {
            db.Set<BalanceRecord>().Add(new BalanceRecord { AccountId = "acc-negative", Currency = "USD", MinorUnits = -1 });
            return await Record.ExceptionAsync(() => db.SaveChangesAsync());
        });

        Assert.IsType<DbUpdateException>(refused);
        Assert.Equal(0, await system.InDatabaseAsync(db => db.Set<BalanceRecord>().CountAsync()));
        Assert.Equal("0.00", await system.Console("acc-negative").BalanceAsync());
    }
}
