using IpoctoPayments.Simulator.Tests.Support;
using Stripe;
using Stripe.Checkout;

namespace IpoctoPayments.Simulator.Tests.Stripe;

public sealed class EventsApiTests
{
    [Fact]
    public async Task Events_are_listed_newest_first_filtered_by_type_and_retrievable_by_id()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.StripeClient();
        var session = await sim.CreateSessionAsync();
        await sim.ControlAsync($"sessions/{session.Id}/decline", new { declineCode = "generic_decline" });
        await sim.ControlAsync($"sessions/{session.Id}/complete");

        var all = await client.V1.Events.ListAsync();
        var completed = await client.V1.Events.ListAsync(new EventListOptions { Type = "checkout.session.completed" });
        var one = await client.V1.Events.GetAsync(completed.Data[0].Id);

        Assert.Equal(["checkout.session.completed", "payment_intent.succeeded", "payment_intent.payment_failed"], all.Data.Select(e => e.Type));
        Assert.All(all.Data, e => Assert.Equal("2026-10-28.endive", e.ApiVersion));
        Assert.All(all.Data, e => Assert.StartsWith("evt_", e.Id, StringComparison.Ordinal));
        Assert.Equal("checkout.session.completed", one.Type);
        var completedSession = Assert.IsType<Session>(one.Data.Object);
        Assert.Equal(session.Id, completedSession.Id);
        Assert.Equal("paid", completedSession.PaymentStatus);
    }

    [Fact]
    public async Task An_event_caused_by_an_api_call_names_the_request_and_its_idempotency_key()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.StripeClient();
        var session = await sim.CreateSessionAsync();

        await client.V1.Checkout.Sessions.ExpireAsync(session.Id, null, new RequestOptions { IdempotencyKey = "expire-1" });
        var expired = (await client.V1.Events.ListAsync()).Data.Single();

        Assert.StartsWith("req_", expired.Request.Id, StringComparison.Ordinal);
        Assert.Equal("expire-1", expired.Request.IdempotencyKey);
    }
}
