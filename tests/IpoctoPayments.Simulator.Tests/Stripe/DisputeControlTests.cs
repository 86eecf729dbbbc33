using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IpoctoPayments.Simulator.Tests.Support;
using Stripe;

namespace IpoctoPayments.Simulator.Tests.Stripe;

public sealed class DisputeControlTests
{
    /// <summary>A 20.00 USD session paid with the plain Visa card, its events delivered; answers the PaymentIntent.</summary>
    private static async Task<string> PaidAsync(SimulatorFixture sim)
    {
        var session = await sim.CreateSessionAsync();
        var paid = await sim.ControlAsync($"sessions/{session.Id}/complete");
        await sim.RunDueAsync();
        sim.VerifiedEvents();
        return paid.GetProperty("payment_intent").GetProperty("id").GetString()!;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(SimulatorFixture sim, string path, string? json = null)
    {
        using var content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await sim.Http.PostAsync(new Uri($"/_simulator/stripe/{path}", UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static string Answer((HttpStatusCode Status, JsonElement Body) answer) =>
        $"{(int)answer.Status} {answer.Body.GetProperty("code").GetString()}";

    private static async Task<Dispute> DisputeAsync(SimulatorFixture sim, string id) => await sim.StripeClient().V1.Disputes.GetAsync(id);

    [Fact]
    public async Task Disputing_a_paid_payment_withdraws_the_amount_asked_for_with_the_reason_given()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var intentId = await PaidAsync(sim);

        var opened = await sim.ControlAsync($"payment_intents/{intentId}/dispute", new { reason = "product_not_received", amount = 500 });
        await sim.RunDueAsync();

        var dispute = await DisputeAsync(sim, opened.GetProperty("id").GetString()!);
        Assert.Equal(intentId, dispute.PaymentIntentId);
        Assert.Equal("product_not_received", dispute.Reason);
        Assert.Equal("needs_response", dispute.Status);
        Assert.Equal(500, dispute.Amount);
        Assert.Equal(-500, Assert.Single(dispute.BalanceTransactions).Amount);
        Assert.Equal(["charge.dispute.created", "charge.dispute.funds_withdrawn"], sim.EventTypes()[2..]);
    }

    [Fact]
    public async Task Without_a_body_the_whole_payment_is_disputed_as_fraudulent_and_stays_open()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var intentId = await PaidAsync(sim);

        var opened = await sim.ControlAsync($"payment_intents/{intentId}/dispute");
        await sim.AdvanceAsync(TimeSpan.FromDays(30));

        var dispute = await DisputeAsync(sim, opened.GetProperty("id").GetString()!);
        Assert.Equal("fraudulent", dispute.Reason);
        Assert.Equal(2000, dispute.Amount);
        Assert.Equal("needs_response", dispute.Status);
    }

    [Fact]
    public async Task A_won_outcome_closes_the_dispute_after_the_given_minutes_and_reinstates_the_funds()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var intentId = await PaidAsync(sim);
        var opened = await sim.ControlAsync($"payment_intents/{intentId}/dispute", new { outcome = "won", decideAfterMinutes = 10 });
        var id = opened.GetProperty("id").GetString()!;
        await sim.RunDueAsync();
        sim.VerifiedEvents();

        await sim.AdvanceAsync(TimeSpan.FromMinutes(9));
        var before = (await DisputeAsync(sim, id)).Status;
        sim.VerifiedEvents();
        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));

        var dispute = await DisputeAsync(sim, id);
        Assert.Equal("needs_response", before);
        Assert.Equal("won", dispute.Status);
        Assert.Equal([-2000, 2000], dispute.BalanceTransactions.Select(t => t.Amount));
        Assert.Equal(["charge.dispute.created", "charge.dispute.funds_withdrawn", "charge.dispute.closed", "charge.dispute.funds_reinstated"], sim.EventTypes()[2..]);
    }

    [Fact]
    public async Task A_lost_outcome_waits_an_hour_by_default_and_keeps_the_funds_withdrawn()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var intentId = await PaidAsync(sim);
        var opened = await sim.ControlAsync($"payment_intents/{intentId}/dispute", new { outcome = "lost" });
        var id = opened.GetProperty("id").GetString()!;
        await sim.RunDueAsync();
        sim.VerifiedEvents();

        await sim.AdvanceAsync(TimeSpan.FromMinutes(59));
        var before = (await DisputeAsync(sim, id)).Status;
        sim.VerifiedEvents();
        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("needs_response", before);
        Assert.Equal("lost", (await DisputeAsync(sim, id)).Status);
        Assert.Equal(["charge.dispute.created", "charge.dispute.funds_withdrawn", "charge.dispute.closed"], sim.EventTypes()[2..]);
    }

    [Fact]
    public async Task Decide_closes_an_open_dispute_at_once_and_a_scheduled_outcome_then_changes_nothing()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var intentId = await PaidAsync(sim);
        var opened = await sim.ControlAsync($"payment_intents/{intentId}/dispute", new { outcome = "won", decideAfterMinutes = 5 });
        var id = opened.GetProperty("id").GetString()!;

        var decided = await sim.ControlAsync($"disputes/{id}/decide", new { outcome = "lost" });
        await sim.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal("lost", decided.GetProperty("status").GetString());
        Assert.Equal("lost", (await DisputeAsync(sim, id)).Status);
        Assert.Equal(["charge.dispute.created", "charge.dispute.funds_withdrawn", "charge.dispute.closed"], sim.EventTypes()[2..]);
    }

    [Fact]
    public async Task Decide_won_on_a_test_card_inquiry_closes_it_without_moving_money()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();
        var paid = await sim.ControlAsync($"sessions/{session.Id}/complete", new { method = "card", cardNumber = "4000000000001976" });
        var intentId = paid.GetProperty("payment_intent").GetProperty("id").GetString()!;
        var inquiry = (await sim.StripeClient().V1.Disputes.ListAsync(new DisputeListOptions { PaymentIntent = intentId })).Data.Single();

        var decided = await sim.ControlAsync($"disputes/{inquiry.Id}/decide", new { outcome = "won" });
        await sim.RunDueAsync();

        Assert.Equal("warning_closed", decided.GetProperty("status").GetString());
        Assert.Empty((await DisputeAsync(sim, inquiry.Id)).BalanceTransactions);
        Assert.Equal(["charge.dispute.created", "charge.dispute.closed"], sim.EventTypes()[2..]);
    }

    [Fact]
    public async Task Disputing_is_refused_for_unknown_unpaid_or_already_disputed_payments_and_input_that_does_not_fit()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var intentId = await PaidAsync(sim);
        var pendingSession = await sim.CreateSessionAsync();
        var pending = await sim.ControlAsync($"sessions/{pendingSession.Id}/pending");
        var pendingIntent = pending.GetProperty("payment_intent").GetProperty("id").GetString()!;
        var badInput = new Dictionary<string, (HttpStatusCode, JsonElement)>
        {
            ["unknown payment"] = await PostAsync(sim, "payment_intents/pi_nope/dispute"),
            ["processing payment"] = await PostAsync(sim, $"payment_intents/{pendingIntent}/dispute"),
            ["more than the charge"] = await PostAsync(sim, $"payment_intents/{intentId}/dispute", """{"amount":2001}"""),
            ["fractional amount"] = await PostAsync(sim, $"payment_intents/{intentId}/dispute", """{"amount":12.5}"""),
            ["zero amount"] = await PostAsync(sim, $"payment_intents/{intentId}/dispute", """{"amount":0}"""),
            ["unknown reason"] = await PostAsync(sim, $"payment_intents/{intentId}/dispute", """{"reason":"FRAUD"}"""),
            ["cancelled is PayerMax's"] = await PostAsync(sim, $"payment_intents/{intentId}/dispute", """{"outcome":"cancelled"}"""),
            ["not JSON"] = await PostAsync(sim, $"payment_intents/{intentId}/dispute", "{"),
        };
        await sim.ControlAsync($"payment_intents/{intentId}/dispute");
        var twice = await PostAsync(sim, $"payment_intents/{intentId}/dispute");

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["unknown payment"] = "404 not_found",
                ["processing payment"] = "409 payment_intent_unexpected_state",
                ["more than the charge"] = "400 parameter_invalid_integer",
                ["fractional amount"] = "400 invalid_amount",
                ["zero amount"] = "400 invalid_amount",
                ["unknown reason"] = "400 invalid_reason",
                ["cancelled is PayerMax's"] = "400 invalid_outcome",
                ["not JSON"] = "400 invalid_body",
            },
            badInput.ToDictionary(a => a.Key, a => Answer(a.Value)));
        Assert.Equal("409 charge_already_disputed", Answer(twice));
        Assert.Single((await sim.StripeClient().V1.Disputes.ListAsync()).Data);
    }

    [Fact]
    public async Task Deciding_is_refused_for_an_unknown_or_closed_dispute_and_an_unknown_outcome()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var intentId = await PaidAsync(sim);
        var id = (await sim.ControlAsync($"payment_intents/{intentId}/dispute")).GetProperty("id").GetString()!;

        var cancelled = await PostAsync(sim, $"disputes/{id}/decide", """{"outcome":"cancelled"}""");
        await sim.ControlAsync($"disputes/{id}/decide", new { outcome = "won" });
        var again = await PostAsync(sim, $"disputes/{id}/decide", """{"outcome":"lost"}""");
        var unknown = await PostAsync(sim, "disputes/dp_nope/decide", """{"outcome":"won"}""");

        Assert.Equal("400 invalid_outcome", Answer(cancelled));
        Assert.Equal("409 dispute_already_closed", Answer(again));
        Assert.Equal("404 not_found", Answer(unknown));
        Assert.Equal("won", (await DisputeAsync(sim, id)).Status);
    }

    [Fact]
    public async Task The_charge_dispute_created_trigger_pays_a_fresh_session_and_disputes_it_as_fraudulent()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        using var response = await sim.Http.PostAsync(new Uri("/_simulator/trigger/charge.dispute.created", UriKind.Relative), null);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        await sim.RunDueAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dispute = await DisputeAsync(sim, result.GetProperty("objects").GetProperty("dispute").GetString()!);
        Assert.Equal(result.GetProperty("objects").GetProperty("payment_intent").GetString(), dispute.PaymentIntentId);
        Assert.Equal("fraudulent", dispute.Reason);
        Assert.Equal("needs_response", dispute.Status);
        Assert.Equal(
            ["payment_intent.succeeded", "checkout.session.completed", "charge.dispute.created", "charge.dispute.funds_withdrawn"],
            sim.EventTypes());
    }
}
