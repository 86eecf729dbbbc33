using System.Net;
using System.Net.Http.Json;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Tests.Support;
using Stripe;
using Stripe.Checkout;

namespace IpoctoPayments.Simulator.Tests.Stripe;

public sealed class IdempotencyTests
{
    [Fact]
    public async Task The_same_key_and_body_replays_the_first_answer_with_Idempotent_Replayed()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        using var first = await sim.Http.SendAsync(StripeTestKit.Raw(HttpMethod.Post, "/v1/checkout/sessions", StripeTestKit.MinimalSessionForm, "order-1"));
        using var second = await sim.Http.SendAsync(StripeTestKit.Raw(HttpMethod.Post, "/v1/checkout/sessions", StripeTestKit.MinimalSessionForm, "order-1"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        Assert.True(first.Headers.Contains("Request-Id"));
        var sessions = await sim.StripeClient().V1.Checkout.Sessions.ListAsync();
        Assert.Single(sessions.Data);
    }

    [Fact]
    public async Task The_same_key_with_other_parameters_is_an_idempotency_error()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.StripeClient();
        var options = new RequestOptions { IdempotencyKey = "order-2" };
        await client.V1.Checkout.Sessions.CreateAsync(StripeTestKit.SessionOptions(2000), options);

        var error = await Assert.ThrowsAsync<StripeException>(() => client.V1.Checkout.Sessions.CreateAsync(StripeTestKit.SessionOptions(3000), options));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal("idempotency_error", error.StripeError.Type);
    }

    [Fact]
    public async Task The_same_key_on_another_endpoint_is_an_idempotency_error()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.StripeClient();
        var session = await client.V1.Checkout.Sessions.CreateAsync(StripeTestKit.SessionOptions(), new RequestOptions { IdempotencyKey = "shared" });

        var error = await Assert.ThrowsAsync<StripeException>(() =>
            client.V1.Checkout.Sessions.ExpireAsync(session.Id, null, new RequestOptions { IdempotencyKey = "shared" }));

        Assert.Equal("idempotency_error", error.StripeError.Type);
    }

    [Fact]
    public async Task A_request_that_failed_validation_does_not_burn_its_key()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.StripeClient();
        var options = new RequestOptions { IdempotencyKey = "order-3" };
        var invalid = StripeTestKit.SessionOptions();
        invalid.SuccessUrl = null;

        await Assert.ThrowsAsync<StripeException>(() => client.V1.Checkout.Sessions.CreateAsync(invalid, options));
        var session = await client.V1.Checkout.Sessions.CreateAsync(StripeTestKit.SessionOptions(), options);

        Assert.Equal("open", session.Status);
    }

    [Fact]
    public async Task After_injected_server_errors_Stripe_net_retries_with_the_same_key_and_one_session_exists()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var faults = await sim.Http.PutAsJsonAsync(new Uri("/_simulator/faults", UriKind.Relative), new { stripe = new { failNextCalls = 2 } });
        faults.EnsureSuccessStatusCode();
        var client = sim.StripeClient(maxNetworkRetries: 2);

        var session = await client.V1.Checkout.Sessions.CreateAsync(StripeTestKit.SessionOptions());
        var list = await client.V1.Checkout.Sessions.ListAsync();

        Assert.Equal([session.Id], list.Data.Select(s => s.Id));
    }

    [Fact]
    public async Task A_call_during_an_outage_fails_with_Stripes_api_error()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Service<FaultPlan>().SetGlobal(new FaultSettings { Stripe = new ApiFault { FailNextCalls = 1 } });

        var error = await Assert.ThrowsAsync<StripeException>(() => sim.CreateSessionAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, error.HttpStatusCode);
        Assert.Equal("api_error", error.StripeError.Type);
        Assert.Empty((await sim.StripeClient().V1.Checkout.Sessions.ListAsync()).Data);
    }

    [Fact]
    public async Task A_timed_out_create_is_done_once_and_the_retry_gets_the_stored_answer()
    {
        await using var sim = await SimulatorFixture.StartAsync(new Dictionary<string, string?> { ["Simulator:OutageTimeout"] = "00:00:00" });
        sim.Service<FaultPlan>().SetGlobal(new FaultSettings { Stripe = new ApiFault { FailNextCalls = 1, Mode = OutageMode.Timeout } });

        await Assert.ThrowsAnyAsync<Exception>(() => sim.Http.SendAsync(StripeTestKit.Raw(HttpMethod.Post, "/v1/checkout/sessions", StripeTestKit.MinimalSessionForm, "order-4")));
        using var retry = await sim.Http.SendAsync(StripeTestKit.Raw(HttpMethod.Post, "/v1/checkout/sessions", StripeTestKit.MinimalSessionForm, "order-4"));

        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.Single((await sim.StripeClient().V1.Checkout.Sessions.ListAsync(new SessionListOptions())).Data);
    }
}
