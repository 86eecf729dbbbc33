using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Simulator.Tests.Support;
using Stripe;
using Stripe.Checkout;

namespace IpoctoPayments.Simulator.Tests.Stripe;

public sealed class StripeControlApiTests
{
    [Fact]
    public async Task Leaving_a_payment_pending_then_settling_it_sends_the_async_events()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();

        var pending = await sim.ControlAsync($"sessions/{session.Id}/pending");
        var intentId = pending.GetProperty("payment_intent").GetProperty("id").GetString();
        await sim.RunDueAsync();
        var submitted = (Session)sim.VerifiedEvents().Single().Data.Object;
        await sim.ControlAsync($"payment_intents/{intentId}/succeed");
        await sim.RunDueAsync();

        Assert.Equal("pending", pending.GetProperty("outcome").GetString());
        Assert.Equal("processing", pending.GetProperty("payment_intent").GetProperty("status").GetString());
        Assert.Equal("complete", submitted.Status);
        Assert.Equal("unpaid", submitted.PaymentStatus);
        Assert.Equal(["checkout.session.completed", "payment_intent.succeeded", "checkout.session.async_payment_succeeded"], sim.EventTypes());
        Assert.Equal("paid", (await sim.StripeClient().V1.Checkout.Sessions.GetAsync(session.Id)).PaymentStatus);
    }

    [Fact]
    public async Task A_pending_payment_that_fails_sends_async_payment_failed()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();
        var pending = await sim.ControlAsync($"sessions/{session.Id}/pending");
        var intentId = pending.GetProperty("payment_intent").GetProperty("id").GetString();

        var failed = await sim.ControlAsync($"payment_intents/{intentId}/fail");
        await sim.RunDueAsync();

        Assert.Equal("failed", failed.GetProperty("outcome").GetString());
        Assert.Equal(["checkout.session.completed", "payment_intent.payment_failed", "checkout.session.async_payment_failed"], sim.EventTypes());
        var intent = await sim.StripeClient().V1.PaymentIntents.GetAsync(intentId);
        Assert.Equal("requires_payment_method", intent.Status);
    }

    [Theory]
    [InlineData("insufficient_funds", "card_declined")]
    [InlineData("incorrect_cvc", "incorrect_cvc")]
    [InlineData("expired_card", "expired_card")]
    [InlineData("generic_decline", "card_declined")]
    [InlineData("processing_error", "processing_error")]
    public async Task Decline_records_the_decline_code_on_the_payment_intent(string declineCode, string code)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();

        var declined = await sim.ControlAsync($"sessions/{session.Id}/decline", new { declineCode });

        Assert.Equal("declined", declined.GetProperty("outcome").GetString());
        Assert.Equal(declineCode, declined.GetProperty("error").GetProperty("decline_code").GetString());
        var intent = await sim.StripeClient().V1.PaymentIntents.GetAsync(declined.GetProperty("payment_intent").GetProperty("id").GetString());
        Assert.Equal(code, intent.LastPaymentError.Code);
        Assert.Equal(declineCode, intent.LastPaymentError.DeclineCode);
        Assert.Equal("open", (await sim.StripeClient().V1.Checkout.Sessions.GetAsync(session.Id)).Status);
    }

    [Theory]
    [InlineData("apple_pay", "card")]
    [InlineData("google_pay", "card")]
    [InlineData("wechat_pay", "wechat_pay")]
    public async Task Complete_pays_with_the_method_asked_for(string method, string type)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync(StripeTestKit.SessionOptions(currency: "eur", allowedTypes: ["card", "wechat_pay"]));

        var paid = await sim.ControlAsync($"sessions/{session.Id}/complete", new { method });

        Assert.Equal("paid", paid.GetProperty("outcome").GetString());
        var fetched = await sim.StripeClient().V1.PaymentIntents.GetAsync(paid.GetProperty("payment_intent").GetProperty("id").GetString(), new PaymentIntentGetOptions { Expand = ["latest_charge"] });
        Assert.Equal(type, fetched.LatestCharge.PaymentMethodDetails.Type);
    }

    [Fact]
    public async Task Complete_with_the_3ds_card_waits_for_authenticate()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();

        var challenged = await sim.ControlAsync($"sessions/{session.Id}/complete", new { cardNumber = "4000 0000 0000 3220" });
        var paid = await sim.ControlAsync($"sessions/{session.Id}/authenticate", new { approve = true });

        Assert.Equal("requires_action", challenged.GetProperty("outcome").GetString());
        Assert.Equal("paid", paid.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Expire_closes_the_session_and_lists_show_what_happened()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();

        await sim.ControlAsync($"sessions/{session.Id}/expire");
        var sessions = await sim.Http.GetFromJsonAsync<JsonElement>(new Uri("/_simulator/stripe/sessions", UriKind.Relative));
        var events = await sim.Http.GetFromJsonAsync<JsonElement>(new Uri("/_simulator/stripe/events", UriKind.Relative));
        var intents = await sim.Http.GetFromJsonAsync<JsonElement>(new Uri("/_simulator/stripe/payment_intents", UriKind.Relative));
        var refunds = await sim.Http.GetFromJsonAsync<JsonElement>(new Uri("/_simulator/stripe/refunds", UriKind.Relative));

        Assert.Equal("expired", sessions[0].GetProperty("status").GetString());
        Assert.Equal("checkout.session.expired", events[0].GetProperty("type").GetString());
        Assert.Equal(0, intents.GetArrayLength());
        Assert.Equal(0, refunds.GetArrayLength());
    }

    [Theory]
    [InlineData("sessions/cs_test_unknown/complete", null, HttpStatusCode.NotFound, "not_found")]
    [InlineData("payment_intents/pi_unknown/succeed", null, HttpStatusCode.NotFound, "not_found")]
    [InlineData("sessions/{id}/decline", "{\"declineCode\":\"bogus\"}", HttpStatusCode.BadRequest, "invalid_decline_code")]
    [InlineData("sessions/{id}/complete", "{\"method\":\"bitcoin\"}", HttpStatusCode.BadRequest, "invalid_method")]
    [InlineData("sessions/{id}/complete", "{\"method\":\"wechat_pay\"}", HttpStatusCode.Conflict, "payment_method_not_available")]
    [InlineData("sessions/{id}/authenticate", null, HttpStatusCode.Conflict, "invalid_state")]
    public async Task Control_errors_are_problem_details_with_a_code(string path, string? body, HttpStatusCode status, string code)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();
        using var content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await sim.Http.PostAsync(new Uri($"/_simulator/stripe/{path.Replace("{id}", session.Id, StringComparison.Ordinal)}", UriKind.Relative), content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Completing_a_session_that_is_no_longer_open_is_a_conflict()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();
        await sim.ControlAsync($"sessions/{session.Id}/complete");

        using var again = await sim.Http.PostAsync(new Uri($"/_simulator/stripe/sessions/{session.Id}/complete", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("checkout_session_not_open", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Reset_forgets_every_stripe_object()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();
        await sim.ControlAsync($"sessions/{session.Id}/complete");

        using var reset = await sim.Http.PostAsync(new Uri("/_simulator/reset", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty((await sim.StripeClient().V1.Checkout.Sessions.ListAsync()).Data);
        Assert.Empty((await sim.StripeClient().V1.Events.ListAsync()).Data);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_stripe_control_routes()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var document = await sim.Http.GetStringAsync(new Uri("/_simulator/openapi/simulator.json", UriKind.Relative));

        Assert.Contains("Stripe control", document, StringComparison.Ordinal);
        Assert.Contains("/_simulator/stripe/sessions/{id}/complete", document, StringComparison.Ordinal);
        Assert.Contains("/_simulator/stripe/payment_intents/{id}/succeed", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/v1/checkout/sessions", document, StringComparison.Ordinal);
    }
}
