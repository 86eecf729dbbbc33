using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Tests.Support;

namespace IpoctoPayments.Simulator.Tests.Core;

public sealed class ControlApiTests
{
    [Fact]
    public async Task Global_faults_set_over_http_are_in_force_and_can_be_cleared()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var put = await sim.Http.PutAsJsonAsync("/_simulator/faults", new
        {
            webhooks = new { duplicates = 1, delay = "00:00:30" },
            bankSyncDelay = "01:00:00",
            stripe = new { failNextCalls = 2, mode = "Timeout" },
        });
        put.EnsureSuccessStatusCode();

        var global = sim.Service<FaultPlan>().Global;
        Assert.Equal(1, global.Webhooks?.Duplicates);
        Assert.Equal(TimeSpan.FromSeconds(30), global.Webhooks?.Delay);
        Assert.Equal(TimeSpan.FromHours(1), global.BankSyncDelay);
        Assert.Equal(new ApiFault { FailNextCalls = 2, Mode = OutageMode.Timeout }, global.Stripe);

        (await sim.Http.DeleteAsync("/_simulator/faults")).EnsureSuccessStatusCode();
        Assert.Equal(new FaultSettings(), sim.Service<FaultPlan>().Global);
    }

    [Fact]
    public async Task Faults_for_one_target_are_listed_under_that_target()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        (await sim.Http.PutAsJsonAsync("/_simulator/faults/cs_test_1", new { webhooks = new { drop = true } })).EnsureSuccessStatusCode();

        var faults = await sim.Http.GetFromJsonAsync<JsonElement>("/_simulator/faults");
        Assert.True(faults.GetProperty("targets").GetProperty("cs_test_1").GetProperty("webhooks").GetProperty("drop").GetBoolean());
    }

    [Fact]
    public async Task An_api_outage_cannot_be_set_for_one_target()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var response = await sim.Http.PutAsJsonAsync("/_simulator/faults/cs_test_1", new { stripe = new { failNextCalls = 1 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("global_only", problem.GetProperty("code").GetString());
        Assert.Empty(sim.Service<FaultPlan>().Targets);
    }

    [Fact]
    public async Task Malformed_fault_settings_are_a_bad_request()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        using var body = new StringContent("""{"webhooks": {"duplicates": "many"}""", System.Text.Encoding.UTF8, "application/json");
        var response = await sim.Http.PutAsync("/_simulator/faults", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new FaultSettings(), sim.Service<FaultPlan>().Global);
    }

    [Theory]
    [InlineData("""{"webhooks":{"delay":"-00:01:00"}}""")]
    [InlineData("""{"bankSyncDelay":"-01:00:00"}""")]
    [InlineData("""{"webhooks":{"duplicates":-1}}""")]
    [InlineData("""{"webhooks":{"drop":true,"times":0}}""")]
    [InlineData("""{"stripe":{"failNextCalls":-2}}""")]
    public async Task Impossible_fault_settings_are_refused_and_nothing_changes(string body)
    {
        await using var sim = await SimulatorFixture.StartAsync();

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await sim.Http.PutAsync("/_simulator/faults", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_body", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(new FaultSettings(), sim.Service<FaultPlan>().Global);
    }

    [Fact]
    public async Task Deliveries_are_listed_with_their_attempts_and_filtered_by_target()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var outbox = sim.Service<WebhookOutbox>();
        outbox.Enqueue(Webhook("evt_1", "cs_1"));
        outbox.Enqueue(Webhook("evt_2", "cs_2"));

        var ran = await sim.Http.PostAsync("/_simulator/run-due", null);
        var listed = await sim.Http.GetFromJsonAsync<JsonElement>("/_simulator/deliveries?target=cs_2");

        Assert.Equal(2, (await ran.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ran").GetInt32());
        var delivery = Assert.Single(listed.EnumerateArray());
        Assert.Equal("evt_2", delivery.GetProperty("eventId").GetString());
        Assert.Equal("Delivered", delivery.GetProperty("status").GetString());
        Assert.Equal(200, delivery.GetProperty("attempts")[0].GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task An_unknown_delivery_is_a_not_found_problem()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var response = await sim.Http.GetAsync("/_simulator/deliveries/whd_missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Reset_forgets_deliveries_and_faults()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Service<WebhookOutbox>().Enqueue(Webhook("evt_1", "cs_1"));
        sim.Service<FaultPlan>().SetTarget("cs_1", new FaultSettings { BankSyncDelay = TimeSpan.FromHours(1) });

        (await sim.Http.PostAsync("/_simulator/reset", null)).EnsureSuccessStatusCode();
        await sim.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Empty(sim.Service<WebhookOutbox>().Deliveries);
        Assert.Empty(sim.Service<FaultPlan>().Targets);
        Assert.Empty(sim.Receiver.Received);
    }

    [Fact]
    public async Task The_control_api_is_described_in_the_simulators_openapi_document()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var document = await sim.Http.GetFromJsonAsync<JsonElement>("/_simulator/openapi/simulator.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/_simulator/faults", paths);
        Assert.Contains("/_simulator/deliveries/{id}", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/v1", StringComparison.Ordinal));
    }

    private static OutgoingWebhook Webhook(string eventId, string target) => new()
    {
        Provider = "test",
        EventId = eventId,
        EventType = "test.event",
        Url = "http://merchant.test/hook",
        Payload = "{}",
        Sign = (_, _) => [],
        IsAcknowledged = (status, _) => status == 200,
        RetrySchedule = [],
        TargetKeys = [target],
    };
}
