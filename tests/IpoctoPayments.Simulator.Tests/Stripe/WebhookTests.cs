using System.Net;
using System.Net.Http.Json;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Tests.Support;
using Stripe;
using Stripe.Checkout;

namespace IpoctoPayments.Simulator.Tests.Stripe;

public sealed class WebhookTests
{
    private static async Task SetTargetFaultAsync(SimulatorFixture sim, string target, object settings)
    {
        using var response = await sim.Http.PutAsJsonAsync(new Uri($"/_simulator/faults/{target}", UriKind.Relative), settings);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Opens a session, puts a webhook fault on it (PUT /_simulator/faults/{id}) and pays it.</summary>
    private static async Task PayWithWebhookFaultAsync(SimulatorFixture sim, object webhookFault)
    {
        var session = await sim.CreateSessionAsync();
        await SetTargetFaultAsync(sim, session.Id, new { webhooks = webhookFault });
        await sim.ControlAsync($"sessions/{session.Id}/complete");
    }

    [Fact]
    public async Task Every_webhook_verifies_with_Stripe_net_at_default_tolerance_and_carries_the_endive_version()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();
        await sim.ControlAsync($"sessions/{session.Id}/complete");

        await sim.RunDueAsync();

        var received = sim.Receiver.Received;
        Assert.Equal(2, received.Count);
        foreach (var webhook in received)
        {
            var stripeEvent = EventUtility.ConstructEvent(webhook.Body, webhook.Header("Stripe-Signature"), SimulatorFixture.StripeWebhookSecret);
            Assert.Equal("2026-10-28.endive", stripeEvent.ApiVersion);
            Assert.False(stripeEvent.Livemode);
            Assert.Equal(1, stripeEvent.PendingWebhooks);
        }

        var intent = (PaymentIntent)EventUtility.ConstructEvent(received[0].Body, received[0].Header("Stripe-Signature"), SimulatorFixture.StripeWebhookSecret).Data.Object;
        Assert.Equal("42", intent.Metadata["topup_id"]);
        Assert.Equal(session.Id, intent.RawJsonElement!.Value.GetProperty("checkout_session").GetString());
    }

    [Fact]
    public async Task A_webhook_signed_with_another_secret_does_not_verify()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();
        await sim.StripeClient().V1.Checkout.Sessions.ExpireAsync(session.Id);
        await sim.RunDueAsync();

        var webhook = Assert.Single(sim.Receiver.Received);

        Assert.Throws<StripeException>(() => EventUtility.ConstructEvent(webhook.Body, webhook.Header("Stripe-Signature"), "whsec_someone_else"));
    }

    [Fact]
    public async Task An_endpoint_receives_only_the_event_types_it_asked_for()
    {
        await using var sim = await SimulatorFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:Stripe:WebhookEndpoints:0:Events:0"] = "checkout.session.completed",
        });
        var session = await sim.CreateSessionAsync();
        await sim.ControlAsync($"sessions/{session.Id}/complete");

        await sim.RunDueAsync();

        Assert.Equal(["checkout.session.completed"], sim.EventTypes());
        Assert.Equal(2, (await sim.StripeClient().V1.Events.ListAsync()).Data.Count);
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_on_Stripes_schedule_on_the_test_clock()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Receiver.Respond = _ => (HttpStatusCode.InternalServerError, "down");
        var session = await sim.CreateSessionAsync();
        await sim.StripeClient().V1.Checkout.Sessions.ExpireAsync(session.Id);

        await sim.RunDueAsync();
        await sim.AdvanceAsync(TimeSpan.FromSeconds(59));
        Assert.Single(sim.VerifiedEvents());
        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, sim.VerifiedEvents().Count);
        await sim.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(3, sim.VerifiedEvents().Count);
        sim.Receiver.Respond = _ => (HttpStatusCode.OK, "");
        await sim.AdvanceAsync(TimeSpan.FromMinutes(30));

        Assert.Equal(4, sim.VerifiedEvents().Count);
        var delivery = Assert.Single(sim.Service<WebhookOutbox>().Deliveries);
        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);
        Assert.Equal([500, 500, 500, 200], delivery.Attempts.Select(a => a.StatusCode));
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)],
            delivery.Attempts.Zip(delivery.Attempts.Skip(1), (a, b) => b.At - a.At));
        Assert.Equal("checkout.session.expired", Assert.Single(sim.VerifiedEvents().DistinctBy(e => e.Id)).Type);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_2xx_is_given_up_after_the_last_retry()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Receiver.Respond = _ => (HttpStatusCode.ServiceUnavailable, "");
        var session = await sim.CreateSessionAsync();
        await sim.StripeClient().V1.Checkout.Sessions.ExpireAsync(session.Id);

        await sim.RunDueAsync();
        for (var hour = 0; hour < 4 * 24; hour++)
        {
            await sim.AdvanceAsync(TimeSpan.FromHours(1));
        }

        var delivery = Assert.Single(sim.Service<WebhookOutbox>().Deliveries);
        Assert.Equal(DeliveryStatus.GaveUp, delivery.Status);
        Assert.Equal(9, delivery.Attempts.Count);
    }

    [Fact]
    public async Task A_delay_fault_holds_a_sessions_webhooks_back_on_the_clock()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await PayWithWebhookFaultAsync(sim, new { delay = "00:10:00" });

        await sim.AdvanceAsync(TimeSpan.FromMinutes(9));
        Assert.Empty(sim.Receiver.Received);
        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(["payment_intent.succeeded", "checkout.session.completed"], sim.EventTypes());
    }

    [Fact]
    public async Task A_duplicate_fault_sends_the_same_event_again()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await PayWithWebhookFaultAsync(sim, new { eventType = "checkout.session.completed", duplicates = 2 });

        await sim.RunDueAsync();

        var completed = sim.VerifiedEvents().Where(e => e.Type == "checkout.session.completed").ToList();
        Assert.Equal(3, completed.Count);
        Assert.Single(completed.Select(e => e.Id).Distinct());
    }

    [Fact]
    public async Task A_drop_fault_never_sends_the_webhook_but_the_event_is_still_listed()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await PayWithWebhookFaultAsync(sim, new { eventType = "checkout.session.completed", drop = true });

        await sim.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal(["payment_intent.succeeded"], sim.EventTypes());
        var listed = await sim.StripeClient().V1.Events.ListAsync(new EventListOptions { Type = "checkout.session.completed" });
        Assert.Single(listed.Data);
    }

    [Fact]
    public async Task An_out_of_order_fault_delivers_an_event_after_the_next_one()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await PayWithWebhookFaultAsync(sim, new { eventType = "payment_intent.succeeded", outOfOrder = true });

        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(["checkout.session.completed", "payment_intent.succeeded"], sim.EventTypes());
    }

    [Fact]
    public async Task Bank_sync_delay_reports_the_session_expired_then_captures_the_payment_later()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.StripeClient();
        var session = await sim.CreateSessionAsync();
        await SetTargetFaultAsync(sim, session.Id, new { bankSyncDelay = "00:20:00" });

        var outcome = await sim.ControlAsync($"sessions/{session.Id}/complete");
        await sim.RunDueAsync();
        var intentId = outcome.GetProperty("payment_intent").GetProperty("id").GetString();
        var reported = await client.V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["payment_intent"] });

        Assert.Equal("reported_failed", outcome.GetProperty("outcome").GetString());
        Assert.Equal("expired", reported.Status);
        Assert.Equal("processing", reported.PaymentIntent.Status);
        Assert.Equal(["checkout.session.expired"], sim.EventTypes());

        await sim.AdvanceAsync(TimeSpan.FromMinutes(20));

        Assert.Equal(["checkout.session.expired", "payment_intent.succeeded"], sim.EventTypes());
        var captured = await client.V1.PaymentIntents.GetAsync(intentId);
        Assert.Equal("succeeded", captured.Status);
        Assert.Equal(2000, captured.AmountReceived);
        Assert.Equal("42", captured.Metadata["topup_id"]);
    }

    [Fact]
    public async Task Bank_sync_delay_on_a_pending_payment_reports_async_failure_then_captures_later()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();
        var pending = await sim.ControlAsync($"sessions/{session.Id}/pending");
        var intentId = pending.GetProperty("payment_intent").GetProperty("id").GetString();
        sim.Service<FaultPlan>().SetGlobal(new FaultSettings { BankSyncDelay = TimeSpan.FromHours(2) });

        await sim.ControlAsync($"payment_intents/{intentId}/succeed");
        await sim.RunDueAsync();
        Assert.Equal(["checkout.session.completed", "checkout.session.async_payment_failed"], sim.EventTypes());
        await sim.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Equal("payment_intent.succeeded", sim.EventTypes()[^1]);
        Assert.Equal("succeeded", (await sim.StripeClient().V1.PaymentIntents.GetAsync(intentId)).Status);
    }
}
