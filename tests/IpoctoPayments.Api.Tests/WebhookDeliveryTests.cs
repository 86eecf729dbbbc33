using System.Net;
using System.Text.Json.Nodes;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class WebhookDeliveryTests
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Duplicated_stripe_deliveries_credit_the_balance_once(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-dup");
        await system.SetFaultsAsync(new { webhooks = new { duplicates = 2 } });

        var order = await system.PaidStripeTopUpAsync(console, "20.00");

        Assert.Equal("succeeded", order.Status());
        Assert.Equal("20.00", await console.BalanceAsync());
        var credit = Assert.Single(await console.LedgerAsync());
        Assert.Equal("top_up_credit", credit.GetProperty("kind").GetString());
        Assert.Equal("20.00", credit.GetProperty("amount").GetProperty("amount").GetString());
        var completed = system.SimulatorService<Simulator.Core.WebhookOutbox>().Deliveries.Count(d => d.EventType == "checkout.session.completed");
        Assert.Equal(3, completed);
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_stripe_event_about_no_order_of_this_service_answers_unknown_order_and_changes_nothing(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-unknown");
        var topUp = await console.CreateTopUpAsync(TopUpRequest.StripeCard("20.00"));
        await system.SetFaultsAsync(new { webhooks = new { drop = true } }, topUp.SessionId());
        await system.SimulatorPostAsync($"/_simulator/stripe/sessions/{topUp.SessionId()}/complete", new { method = "card" });

        // The same signed event, as another integration of the same Stripe account would receive it: another order id.
        var delivery = system.Delivery("stripe", "checkout.session.completed");
        var payload = delivery.Payload.Replace(topUp.Id(), Guid.CreateVersion7().ToString(), StringComparison.OrdinalIgnoreCase)
            .Replace(delivery.EventId, $"{delivery.EventId}_other", StringComparison.Ordinal);
        using var response = await system.PostStripeAsync(payload, StripeSignature.For(payload, PaymentsSystem.StripeWebhookSecret, system.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("unknown_order", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["outcome"]!.GetValue<string>());
        Assert.Equal("awaiting_payment", (await console.TopUpAsync(topUp.Id())).Status());
        Assert.Equal("0.00", await console.BalanceAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Duplicated_payermax_notifications_credit_the_balance_once(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-pm-dup");
        await system.SetFaultsAsync(new { webhooks = new { duplicates = 2 } });

        var order = await system.PaidPayerMaxTopUpAsync(console, "10.00");

        Assert.Equal("succeeded", order.Status());
        Assert.Equal("10.00", await console.BalanceAsync());
        Assert.Single(await console.LedgerAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Events_delivered_out_of_order_still_credit_once(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-ooo");
        await system.SetFaultsAsync(new { webhooks = new { outOfOrder = true } });

        await system.PaidStripeTopUpAsync(console, "20.00");
        await system.AdvanceAsync(TimeSpan.FromMinutes(2));

        var order = Assert.Single(await console.TopUpsAsync());
        Assert.Equal("succeeded", order.Status());
        Assert.Equal("20.00", await console.BalanceAsync());
        Assert.Single(await console.LedgerAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_late_expired_event_after_payment_leaves_the_order_succeeded(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-late-expired");
        var paid = await system.PaidStripeTopUpAsync(console, "20.00");

        // Stripe's expired event for the same session, arriving after the payment was confirmed.
        var completed = JsonNode.Parse(system.Delivery("stripe", "checkout.session.completed").Payload)!;
        completed["id"] = "evt_late_expired_1";
        completed["type"] = "checkout.session.expired";
        completed["created"] = completed["created"]!.GetValue<long>() + 60;
        completed["data"]!["object"]!["status"] = "expired";
        completed["data"]!["object"]!["payment_status"] = "unpaid";
        var payload = completed.ToJsonString();
        using var response = await system.PostStripeAsync(payload, StripeSignature.For(payload, PaymentsSystem.StripeWebhookSecret, system.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await console.TopUpAsync(paid.Id());
        Assert.Equal("succeeded", order.Status());
        Assert.Equal("20.00", await console.BalanceAsync());
        var timeline = await system.TimelineAsync(paid.OrderNumber());
        Assert.Contains(timeline.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("evt_late_expired_1", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_dropped_webhook_leaves_the_order_awaiting_payment(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-dropped");
        await system.SetFaultsAsync(new { webhooks = new { drop = true } });

        var order = await system.PaidStripeTopUpAsync(console, "20.00");

        Assert.Equal("awaiting_payment", order.Status());
        Assert.Equal("0.00", await console.BalanceAsync());
        Assert.Empty(await console.LedgerAsync());
        Assert.Equal(0, await system.InboxCountAsync());
        var again = await console.CreateTopUpAsync(TopUpRequest.StripeCard("5.00"));
        Assert.Equal("awaiting_payment", again.Status());
    }
}
