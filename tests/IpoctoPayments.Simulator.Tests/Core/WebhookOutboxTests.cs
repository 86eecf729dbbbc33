using System.Net;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Tests.Support;

namespace IpoctoPayments.Simulator.Tests.Core;

public sealed class WebhookOutboxTests
{
    private static readonly TimeSpan[] Schedule = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)];

    [Fact]
    public async Task A_webhook_is_sent_signed_when_due()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        Outbox(sim).Enqueue(Webhook("evt_1"));
        await sim.RunDueAsync();

        var received = Assert.Single(sim.Receiver.Received);
        Assert.Equal("""{"id":"evt_1"}""", received.Body);
        Assert.Equal($"sig:{sim.Clock.GetUtcNow().ToUnixTimeSeconds()}", received.Header("X-Signature"));
        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(Outbox(sim).Deliveries).Status);
    }

    [Fact]
    public async Task A_refused_webhook_is_retried_on_the_schedule_and_then_given_up()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Receiver.Respond = _ => (HttpStatusCode.InternalServerError, "down");

        Outbox(sim).Enqueue(Webhook("evt_1"));
        await sim.RunDueAsync();
        await sim.AdvanceAsync(TimeSpan.FromSeconds(29));
        Assert.Single(sim.Receiver.Received);

        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(2, sim.Receiver.Received.Count);

        await sim.AdvanceAsync(TimeSpan.FromMinutes(5));
        var delivery = Assert.Single(Outbox(sim).Deliveries);
        Assert.Equal(3, sim.Receiver.Received.Count);
        Assert.Equal(DeliveryStatus.GaveUp, delivery.Status);
        Assert.All(delivery.Attempts, a => Assert.Equal(500, a.StatusCode));
        Assert.Equal([1, 2, 3], delivery.Attempts.Select(a => a.Number));
    }

    [Fact]
    public async Task Retries_stop_once_the_receiver_acknowledges()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        sim.Receiver.Respond = _ => (answers.Dequeue(), "");

        Outbox(sim).Enqueue(Webhook("evt_1"));
        await sim.RunDueAsync();
        await sim.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal(2, sim.Receiver.Received.Count);
        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(Outbox(sim).Deliveries).Status);
    }

    [Fact]
    public async Task A_dropped_webhook_is_recorded_but_never_sent()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        Faults(sim).SetTarget("cs_1", new FaultSettings { Webhooks = new WebhookFault { Drop = true } });

        Outbox(sim).Enqueue(Webhook("evt_1", target: "cs_1"));
        Outbox(sim).Enqueue(Webhook("evt_2", target: "cs_2"));
        await sim.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Equal(["""{"id":"evt_2"}"""], sim.Receiver.Received.Select(r => r.Body));
        Assert.Equal(DeliveryStatus.Dropped, Outbox(sim).Deliveries.Single(d => d.EventId == "evt_1").Status);
    }

    [Fact]
    public async Task A_duplicated_webhook_arrives_as_many_times_as_asked_with_the_same_event()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        Faults(sim).SetGlobal(new FaultSettings { Webhooks = new WebhookFault { Duplicates = 2 } });

        Outbox(sim).Enqueue(Webhook("evt_1"));
        await sim.RunDueAsync();

        Assert.Equal(3, sim.Receiver.Received.Count);
        Assert.All(sim.Receiver.Received, r => Assert.Equal("""{"id":"evt_1"}""", r.Body));
        Assert.Equal(2, Outbox(sim).Deliveries.Count(d => d.DuplicateOf is not null));
    }

    [Fact]
    public async Task A_delayed_webhook_waits_for_the_clock()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        Faults(sim).SetTarget("cs_1", new FaultSettings { Webhooks = new WebhookFault { Delay = TimeSpan.FromMinutes(10) } });

        Outbox(sim).Enqueue(Webhook("evt_1", target: "cs_1"));
        await sim.AdvanceAsync(TimeSpan.FromMinutes(9));
        Assert.Empty(sim.Receiver.Received);

        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Single(sim.Receiver.Received);
    }

    [Fact]
    public async Task An_out_of_order_webhook_is_overtaken_by_the_next_one_for_the_same_target()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        Faults(sim).SetTarget("cs_1", new FaultSettings { Webhooks = new WebhookFault { OutOfOrder = true, Times = 1 } });

        Outbox(sim).Enqueue(Webhook("evt_first", target: "cs_1"));
        await sim.RunDueAsync();
        Assert.Empty(sim.Receiver.Received);

        Outbox(sim).Enqueue(Webhook("evt_second", target: "cs_1"));
        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(["""{"id":"evt_second"}""", """{"id":"evt_first"}"""], sim.Receiver.Received.Select(r => r.Body));
    }

    [Fact]
    public async Task A_held_webhook_that_nothing_overtakes_is_sent_after_the_hold()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        Faults(sim).SetTarget("cs_1", new FaultSettings { Webhooks = new WebhookFault { OutOfOrder = true } });

        Outbox(sim).Enqueue(Webhook("evt_1", target: "cs_1"));
        await sim.AdvanceAsync(WebhookOutbox.OutOfOrderHold);

        Assert.Single(sim.Receiver.Received);
    }

    [Fact]
    public async Task A_fault_limited_in_times_wears_off()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        Faults(sim).SetGlobal(new FaultSettings { Webhooks = new WebhookFault { Drop = true, Times = 1 } });

        Outbox(sim).Enqueue(Webhook("evt_1"));
        Outbox(sim).Enqueue(Webhook("evt_2"));
        await sim.RunDueAsync();

        Assert.Equal(["""{"id":"evt_2"}"""], sim.Receiver.Received.Select(r => r.Body));
    }

    [Fact]
    public async Task A_fault_for_one_event_type_leaves_the_others_alone()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        Faults(sim).SetGlobal(new FaultSettings { Webhooks = new WebhookFault { Drop = true, EventType = "test.dropped" } });

        Outbox(sim).Enqueue(Webhook("evt_1") with { EventType = "test.dropped" });
        Outbox(sim).Enqueue(Webhook("evt_2"));
        await sim.RunDueAsync();

        Assert.Equal(["""{"id":"evt_2"}"""], sim.Receiver.Received.Select(r => r.Body));
    }

    [Fact]
    public async Task A_delivery_can_be_sent_again_on_request()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var delivery = Outbox(sim).Enqueue(Webhook("evt_1"))[0];
        await sim.RunDueAsync();

        Assert.True(Outbox(sim).Redeliver(delivery.Id));
        await sim.RunDueAsync();

        Assert.Equal(2, sim.Receiver.Received.Count);
        Assert.Equal(2, delivery.Attempts.Count);
    }

    private static WebhookOutbox Outbox(SimulatorFixture sim) => sim.Service<WebhookOutbox>();

    private static FaultPlan Faults(SimulatorFixture sim) => sim.Service<FaultPlan>();

    private static OutgoingWebhook Webhook(string eventId, string target = "cs_default") => new()
    {
        Provider = "test",
        EventId = eventId,
        EventType = "test.event",
        Url = "http://merchant.test/hook",
        Payload = $$"""{"id":"{{eventId}}"}""",
        Sign = (_, at) => [new("X-Signature", $"sig:{at.ToUnixTimeSeconds()}")],
        IsAcknowledged = (status, _) => status is >= 200 and < 300,
        RetrySchedule = Schedule,
        TargetKeys = [target],
    };
}
