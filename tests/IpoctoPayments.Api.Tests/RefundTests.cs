using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class RefundTests
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_full_refund_debits_the_balance_and_marks_the_order_refunded(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-refund-full");
        var paid = await system.PaidStripeTopUpAsync(console, "20.00");

        using var response = await system.Admin().PostRefundAsync(paid.Id(), amount: null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("0.00", await console.BalanceAsync());
        await system.AdvanceAsync(TimeSpan.FromMinutes(2));
        var order = await console.TopUpAsync(paid.Id());
        Assert.Equal("refunded", order.Status());
        Assert.Equal("succeeded", Assert.Single(order.GetProperty("refunds").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal("0.00", await console.BalanceAsync());
        var ledger = await console.LedgerAsync();
        Assert.Equal(["-20.00", "20.00"], ledger.Select(l => l.GetProperty("amount").GetProperty("amount").GetString()));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_partial_refund_leaves_the_rest_on_the_balance(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-refund-part");
        var paid = await system.PaidPayerMaxTopUpAsync(console, "10.00");

        using var response = await system.Admin().PostRefundAsync(paid.Id(), "4.00");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await system.AdvanceAsync(TimeSpan.FromMinutes(2));

        var order = await console.TopUpAsync(paid.Id());
        Assert.Equal("partially_refunded", order.Status());
        Assert.Equal("6.00", order.GetProperty("refundable").GetProperty("amount").GetString());
        Assert.Equal("6.00", await console.BalanceAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Refunding_more_than_is_left_is_refused(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-refund-over");
        var paid = await system.PaidStripeTopUpAsync(console, "20.00");
        using var first = await system.Admin().PostRefundAsync(paid.Id(), "15.00");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var over = await system.Admin().PostRefundAsync(paid.Id(), "5.01");

        var problem = await ApiAnswer.AssertProblemAsync(over, HttpStatusCode.UnprocessableEntity, "refund_exceeds_remaining");
        Assert.Equal("amount", problem.GetProperty("field").GetString());
        Assert.Equal("5.00", await console.BalanceAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_refund_the_provider_fails_restores_the_balance(DatabaseProvider provider)
    {
        // At 51 pesos to the dollar a 2.00 top-up charges 102.00 PHP: PayerMax's sandbox fails a refund of 102.
        await using var system = await PaymentsSystem.StartAsync(provider, new Dictionary<string, string?> { ["ExchangeRates:Rates:USD:PHP"] = "51" });
        var console = system.Console("acc-refund-fail");
        var paid = await system.PaidPayerMaxTopUpAsync(console, "2.00");
        Assert.Equal("102.00", paid.GetProperty("charge").GetProperty("amount").GetString());

        using var response = await system.Admin().PostRefundAsync(paid.Id(), amount: null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("0.00", await console.BalanceAsync());
        await system.AdvanceAsync(TimeSpan.FromMinutes(2));

        var order = await console.TopUpAsync(paid.Id());
        var refund = Assert.Single(order.GetProperty("refunds").EnumerateArray());
        Assert.Equal("failed", refund.GetProperty("status").GetString());
        Assert.Equal("refund_failed", refund.GetProperty("failure").GetProperty("code").GetString());
        Assert.Equal("succeeded", order.Status());
        Assert.Equal("2.00", await console.BalanceAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task The_same_idempotency_key_twice_refunds_once(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-refund-idem");
        var paid = await system.PaidStripeTopUpAsync(console, "20.00");

        using var first = await system.Admin().PostRefundAsync(paid.Id(), "5.00", "refund-key-1");
        using var second = await system.Admin().PostRefundAsync(paid.Id(), "5.00", "refund-key-1");
        await system.DeliverWebhooksAsync();

        Assert.True(first.IsSuccessStatusCode && second.IsSuccessStatusCode, $"{first.StatusCode} {second.StatusCode}");
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refund").GetProperty("id").GetString();
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refund").GetProperty("id").GetString();
        Assert.Equal(firstId, secondId);
        Assert.Equal("15.00", await console.BalanceAsync());
        Assert.Single((await console.TopUpAsync(paid.Id())).GetProperty("refunds").EnumerateArray());
        var stripeRefunds = await system.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/stripe/refunds");
        Assert.Equal(1, stripeRefunds.GetArrayLength());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_refund_needs_the_admin_scope(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-refund-scope");
        var paid = await system.PaidStripeTopUpAsync(console, "20.00");

        using var byCustomer = await console.PostRefundAsync(paid.Id(), amount: null);
        using var bySupport = await system.Support().PostRefundAsync(paid.Id(), amount: null);

        Assert.Equal(HttpStatusCode.Forbidden, byCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bySupport.StatusCode);
        Assert.Equal("20.00", await console.BalanceAsync());
        Assert.Empty((await console.TopUpAsync(paid.Id())).GetProperty("refunds").EnumerateArray());
    }
}
