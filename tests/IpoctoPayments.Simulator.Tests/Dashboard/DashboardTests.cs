using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Simulator.Tests.Stripe;
using IpoctoPayments.Simulator.Tests.Support;

namespace IpoctoPayments.Simulator.Tests.Dashboard;

public sealed class DashboardTests
{
    [Fact]
    public async Task The_dashboard_page_and_its_script_are_served_by_the_simulator()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var page = await sim.Http.GetAsync(new Uri("/_simulator/dashboard", UriKind.Relative));
        var script = await sim.Http.GetAsync(new Uri("/_simulator/dashboard/dashboard.js", UriKind.Relative));
        var root = await sim.Http.GetAsync(new Uri("/_simulator", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Provider simulator</h1>", html, StringComparison.Ordinal);
        Assert.Contains("""<script src="/_simulator/dashboard/dashboard.js">""", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("/overview", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/_simulator/dashboard", root.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_overview_shows_a_paid_session_and_its_webhook_delivered_with_the_receivers_answer()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync(StripeTestKit.SessionOptions(unitAmount: 1500));
        await sim.ControlAsync($"sessions/{session.Id}/complete");
        await sim.RunDueAsync();

        var overview = await sim.Http.GetFromJsonAsync<JsonElement>("/_simulator/overview");

        var shown = Assert.Single(overview.GetProperty("stripeSessions").EnumerateArray());
        Assert.Equal(session.Id, shown.GetProperty("id").GetString());
        Assert.Equal("complete", shown.GetProperty("status").GetString());
        Assert.Equal(1500, shown.GetProperty("amount").GetInt64());
        Assert.Equal("usd", shown.GetProperty("currency").GetString());
        Assert.Equal("succeeded", Assert.Single(overview.GetProperty("stripePaymentIntents").EnumerateArray()).GetProperty("status").GetString());
        var delivery = overview.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("eventType").GetString() == "checkout.session.completed");
        Assert.Equal("Delivered", delivery.GetProperty("status").GetString());
        Assert.Equal(session.Id, delivery.GetProperty("target").GetString());
        Assert.Equal(SimulatorFixture.StripeWebhookUrl, delivery.GetProperty("url").GetString());
        var attempt = Assert.Single(delivery.GetProperty("attempts").EnumerateArray());
        Assert.Equal(200, attempt.GetProperty("statusCode").GetInt32());
        Assert.Contains("SUCCESS", attempt.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_webhook_shows_the_status_an_excerpt_of_the_answer_and_when_the_retry_is_due()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var longAnswer = "{\"error\":\"database unavailable\",\"trace\":\"" + new string('x', 1000) + "\"}";
        sim.Receiver.Respond = _ => (HttpStatusCode.ServiceUnavailable, longAnswer);
        await TriggerAsync(sim, "payment.success");
        await sim.RunDueAsync();

        var overview = await sim.Http.GetFromJsonAsync<JsonElement>("/_simulator/overview");

        var order = Assert.Single(overview.GetProperty("payerMaxOrders").EnumerateArray());
        Assert.Equal("SUCCESS", order.GetProperty("status").GetString());
        var delivery = Assert.Single(overview.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("PAYMENT", delivery.GetProperty("eventType").GetString());
        Assert.Equal("Retrying", delivery.GetProperty("status").GetString());
        Assert.Equal(sim.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), delivery.GetProperty("nextAttemptAt").GetDateTimeOffset());
        var attempt = Assert.Single(delivery.GetProperty("attempts").EnumerateArray());
        Assert.Equal(503, attempt.GetProperty("statusCode").GetInt32());
        var excerpt = attempt.GetProperty("body").GetString()!;
        Assert.StartsWith("{\"error\":\"database unavailable\"", excerpt, StringComparison.Ordinal);
        Assert.True(excerpt.Length < 400, $"excerpt of {excerpt.Length} characters");
    }

    [Fact]
    public async Task The_drop_next_webhook_button_drops_only_the_next_one()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        // What the button sends: the global switches in force, with this webhook fault.
        (await sim.Http.PutAsJsonAsync("/_simulator/faults", new { webhooks = new { drop = true, times = 1, eventType = "checkout.session.completed" } })).EnsureSuccessStatusCode();
        var dropped = await TriggerAsync(sim, "checkout.session.completed");
        var delivered = await TriggerAsync(sim, "checkout.session.completed");
        await sim.RunDueAsync();

        var deliveries = (await sim.Http.GetFromJsonAsync<JsonElement>("/_simulator/overview")).GetProperty("deliveries").EnumerateArray()
            .Where(d => d.GetProperty("eventType").GetString() == "checkout.session.completed").ToList();
        Assert.Equal("Dropped", deliveries.Single(d => d.GetProperty("target").GetString() == dropped).GetProperty("status").GetString());
        Assert.Equal("Delivered", deliveries.Single(d => d.GetProperty("target").GetString() == delivered).GetProperty("status").GetString());
        Assert.Single(sim.EventTypes(), t => t == "checkout.session.completed");
    }

    [Fact]
    public async Task Advancing_the_clock_runs_the_retry_that_falls_due_within_the_span_and_not_later_ones()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Receiver.Respond = _ => (HttpStatusCode.InternalServerError, "{}");
        await TriggerAsync(sim, "payment.success");
        await sim.RunDueAsync();
        Assert.Single(sim.Receiver.Received);

        var advanced = await sim.Http.PostAsJsonAsync("/_simulator/clock/advance", new { by = "00:01:00" });

        advanced.EnsureSuccessStatusCode();
        // PayerMax retries after 30 s, then 5 min: one more attempt within the minute.
        Assert.Equal(2, sim.Receiver.Received.Count);
        var delivery = Assert.Single((await sim.Http.GetFromJsonAsync<JsonElement>("/_simulator/deliveries")).EnumerateArray());
        Assert.Equal(2, delivery.GetProperty("attempts").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"by":"-00:01:00"}""")]
    [InlineData("""{"by":"45.00:00:00"}""")]
    [InlineData("""{}""")]
    public async Task Advancing_the_clock_by_an_impossible_span_is_refused(string body)
    {
        await using var sim = await SimulatorFixture.StartAsync();

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await sim.Http.PostAsync(new Uri("/_simulator/clock/advance", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_body", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_trigger_with_options_that_do_not_fit_is_refused_and_creates_nothing()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var unknownCountry = await sim.Http.PostAsJsonAsync("/_simulator/trigger/payment.success", new { country = "ZZ" });
        var badDecline = await sim.Http.PostAsJsonAsync("/_simulator/trigger/payment_intent.payment_failed", new { declineCode = "no_such_code" });
        var unknown = await sim.Http.PostAsync(new Uri("/_simulator/trigger/no.such.event", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadRequest, unknownCountry.StatusCode);
        Assert.Equal("invalid_country", (await unknownCountry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badDecline.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var overview = await sim.Http.GetFromJsonAsync<JsonElement>("/_simulator/overview");
        Assert.Equal(0, overview.GetProperty("payerMaxOrders").GetArrayLength());
        Assert.Equal(0, overview.GetProperty("stripeSessions").GetArrayLength());
        Assert.Equal(0, overview.GetProperty("deliveries").GetArrayLength());
    }

    [Fact]
    public async Task The_overview_shows_each_payments_latest_dispute_and_whether_it_can_still_be_decided()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        await TriggerAsync(sim, "charge.dispute.created");
        var order = await TriggerAsync(sim, "chargeback");
        var caseId = (await sim.Http.GetFromJsonAsync<JsonElement>("/_simulator/payermax/chargebacks"))[0].GetProperty("caseId").GetString();
        (await sim.Http.PostAsJsonAsync($"/_simulator/payermax/chargebacks/{caseId}/decide", new { outcome = "lost" })).EnsureSuccessStatusCode();

        var overview = await sim.Http.GetFromJsonAsync<JsonElement>("/_simulator/overview");
        var page = await sim.Http.GetStringAsync(new Uri("/_simulator/dashboard", UriKind.Relative));

        var dispute = Assert.Single(overview.GetProperty("stripePaymentIntents").EnumerateArray()).GetProperty("dispute");
        Assert.StartsWith("dp_", dispute.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("needs_response", dispute.GetProperty("status").GetString());
        Assert.Equal(2000, dispute.GetProperty("amount").GetInt64());
        Assert.True(dispute.GetProperty("open").GetBoolean());
        var row = Assert.Single(overview.GetProperty("payerMaxOrders").EnumerateArray());
        Assert.Equal(order, row.GetProperty("outTradeNo").GetString());
        var chargeback = row.GetProperty("chargeback");
        Assert.Equal(caseId, chargeback.GetProperty("id").GetString());
        Assert.Equal("CASE_CLOSED FAIL", chargeback.GetProperty("status").GetString());
        Assert.False(chargeback.GetProperty("open").GetBoolean());
        Assert.Contains("<dialog id=\"dispute-dialog\"", page, StringComparison.Ordinal);
    }

    /// <summary>Triggers as the dashboard's Trigger button does; answers the target (session or order).</summary>
    private static async Task<string> TriggerAsync(SimulatorFixture sim, string name)
    {
        using var response = await sim.Http.PostAsync(new Uri($"/_simulator/trigger/{name}", UriKind.Relative), null);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("target").GetString()!;
    }
}
