using System.Net;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class AccountScopingTests
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Another_account_cannot_see_a_top_up(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var a = system.Console("acc-a");
        var b = system.Console("acc-b");
        var topUp = await system.PaidStripeTopUpAsync(a, "20.00");
        await b.CreateTopUpAsync(TopUpRequest.StripeCard("7.00"));

        using var response = await b.GetAsync($"/api/v1/topups/{topUp.Id()}");

        await ApiAnswer.AssertProblemAsync(response, HttpStatusCode.NotFound, "topup_not_found");
        var listed = await b.TopUpsAsync();
        Assert.Equal("7.00", Assert.Single(listed).GetProperty("amount").GetProperty("amount").GetString());
        Assert.Equal("0.00", await b.BalanceAsync());
        Assert.Empty(await b.LedgerAsync());
        Assert.Equal(topUp.Id(), Assert.Single(await a.TopUpsAsync()).Id());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task The_order_timeline_needs_the_support_scope(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-timeline");
        var topUp = await system.PaidStripeTopUpAsync(console);

        using var byConsole = await console.GetAsync($"/api/v1/support/orders/{topUp.OrderNumber()}");
        using var anonymous = await system.Anonymous().GetAsync($"/api/v1/support/orders/{topUp.OrderNumber()}");

        Assert.Equal(HttpStatusCode.Forbidden, byConsole.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Support_finds_an_order_typed_in_lowercase_without_dashes_with_its_webhooks(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-support");
        var topUp = await system.StripeTopUpAsync(console, "15.00");
        await system.DeclineStripeAsync(topUp, "insufficient_funds");
        await system.PayStripeAsync(topUp);

        var typed = topUp.OrderNumber().Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        var found = await system.TimelineAsync(typed);

        Assert.Equal(topUp.OrderNumber(), found.GetProperty("topUp").OrderNumber());
        Assert.Equal("succeeded", found.GetProperty("topUp").Status());
        var entries = found.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("kind").GetString() == "webhook_received"
            && e.GetProperty("message").GetString()!.Contains("checkout.session.completed", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.GetProperty("code").ValueKind == JsonValueKind.String && e.GetProperty("code").GetString() == "insufficient_funds");
        Assert.Equal(entries.Select(e => e.GetProperty("at").GetDateTimeOffset()).Order(), entries.Select(e => e.GetProperty("at").GetDateTimeOffset()));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Support_gets_404_for_an_unknown_order_number(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);

        using var response = await system.Support().GetAsync("/api/v1/support/orders/TU-00000-00000");

        await ApiAnswer.AssertProblemAsync(response, HttpStatusCode.NotFound, "order_not_found");
    }
}
