using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Tests.Support;

namespace IpoctoPayments.Simulator.Tests.PayerMax;

public sealed class ChargebackTests
{
    private const string ChargebackUrl = "http://merchant.test/webhooks/payermax-chargebacks";

    private static async Task<PayerMaxClient> PaidOrderAsync(SimulatorFixture sim, string outTradeNo, decimal amount = 500m, string currency = "PHP", string country = "PH")
    {
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order(outTradeNo, amount, currency, country));
        using var complete = await sim.Http.PostAsync($"/_simulator/payermax/orders/{outTradeNo}/complete", null);
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        return client;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(SimulatorFixture sim, string path, string? json = null)
    {
        using var content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await sim.Http.PostAsync(new Uri($"/_simulator/payermax/{path}", UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static async Task<string> OpenAsync(SimulatorFixture sim, string outTradeNo, string? json = null)
    {
        var (status, body) = await PostAsync(sim, $"orders/{outTradeNo}/chargeback", json);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body.GetProperty("caseId").GetString()!;
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> DecideAsync(SimulatorFixture sim, string caseId, string outcome) =>
        PostAsync(sim, $"chargebacks/{caseId}/decide", $$"""{"outcome":"{{outcome}}"}""");

    private static List<JsonObject> Cases(PayerMaxClient client) => [.. client.Notifications("CHARGEBACK")];

    private static string Statuses(PayerMaxClient client) =>
        string.Join(" ", Cases(client).Select(n => $"{n["data"]!["status"]}/{n["data"]!["caseResult"]?.ToString() ?? "-"}"));

    [Fact]
    public async Task Opening_a_case_sends_a_signed_DISPUTE_INQUIRY_notification_with_the_order_and_amounts_as_strings()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "CB_1");
        var order = await client.QueryAsync("CB_1");

        var caseId = await OpenAsync(sim, "CB_1", """{"amount":120.5}""");
        await sim.RunDueAsync();

        // Notifications() checks every signature with the simulator's public key.
        var notification = Assert.Single(Cases(client));
        Assert.Equal("APPLY_SUCCESS", (string?)notification["code"]);
        Assert.Equal("Success.", (string?)notification["msg"]);
        Assert.Equal(PayerMaxClient.AppId, (string?)notification["appId"]);
        Assert.Equal(PayerMaxClient.MerchantNo, (string?)notification["merchantNo"]);
        var data = notification["data"]!.AsObject();
        Assert.Equal(caseId, (string?)data["caseId"]);
        Assert.Matches(@"^O\d{26}$", caseId);
        Assert.Equal("CB_1", (string?)data["outTradeNo"]);
        Assert.Equal(order.Text("tradeToken"), (string?)data["tradeToken"]);
        Assert.Equal(order.Text("channelNo"), (string?)data["channelOrderNo"]);
        Assert.Equal("user_1", (string?)data["outUserId"]);
        Assert.Equal("120.50", (string?)data["amount"]);
        Assert.Equal("0.00", (string?)data["fee"]);
        Assert.Equal("120.50", (string?)data["totalAmount"]);
        Assert.Equal("PHP", (string?)data["currency"]);
        Assert.Equal("DISPUTE_INQUIRY", (string?)data["status"]);
        Assert.Null(data["caseResult"]);
        var today = sim.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)data["retrievalDate"]);
        Assert.Equal(today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string?)data["expirationDate"]);
        Assert.Equal("Balance top-up", (string?)data["productDesc"]);
        Assert.Equal("FRAUD", (string?)data["chargebackReason"]);
        Assert.Equal(order.Data["paymentDetails"]![0]!["paymentMethodType"]!.GetValue<string>(), (string?)data["paymentMethodType"]);
        Assert.EndsWith("+00:00", (string?)data["payFinishTime"], StringComparison.Ordinal);
        Assert.Single(client.Notifications("PAYMENT"));
    }

    [Fact]
    public async Task An_IDR_case_writes_its_amount_without_decimals()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "CB_2", 50_000m, "IDR", "ID");

        await OpenAsync(sim, "CB_2");
        await sim.RunDueAsync();

        var data = Assert.Single(Cases(client))["data"]!;
        Assert.Equal("50000", (string?)data["amount"]);
        Assert.Equal("0", (string?)data["fee"]);
        Assert.Equal("IDR", (string?)data["currency"]);
    }

    [Theory]
    [InlineData("won", "DISPUTE_INQUIRY/- DISPUTE_END/WIN CASE_CLOSED/WIN", "CASE_CLOSED", "WIN")]
    [InlineData("lost", "DISPUTE_INQUIRY/- DISPUTE_END/FAIL CASE_CLOSED/FAIL", "CASE_CLOSED", "FAIL")]
    [InlineData("cancelled", "DISPUTE_INQUIRY/- CASE_CANCEL/-", "CASE_CANCEL", null)]
    public async Task Deciding_a_case_sends_its_notifications_and_caseSearch_answers_the_final_state(string outcome, string sent, string status, string? result)
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "CB_3");
        var caseId = await OpenAsync(sim, "CB_3");

        var (decided, view) = await DecideAsync(sim, caseId, outcome);
        await sim.RunDueAsync();
        var search = await client.CallAsync("caseSearch", new JsonObject { ["caseId"] = caseId });

        Assert.Equal(HttpStatusCode.OK, decided);
        Assert.Equal(status, view.GetProperty("status").GetString());
        Assert.Equal(sent, Statuses(client));
        Assert.Equal("APPLY_SUCCESS", search.Code);
        Assert.True(search.SignatureValid);
        Assert.Equal(status, search.Text("status"));
        Assert.Equal(result, search.Text("caseResult"));
        Assert.Equal("CB_3", search.Text("outTradeNo"));
        Assert.Equal("500.00", search.Text("amount"));
        Assert.Equal("500.00", search.Text("originTradeAmount"));
    }

    [Fact]
    public async Task CaseSearch_answers_an_open_case_and_refuses_unknown_or_missing_case_ids()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "CB_4", 300m);
        var caseId = await OpenAsync(sim, "CB_4", """{"amount":100}""");

        var open = await client.CallAsync("caseSearch", new JsonObject { ["caseId"] = caseId });
        var unknown = await client.CallAsync("caseSearch", new JsonObject { ["caseId"] = "O00000000000000000000000000" });
        var missing = await client.CallAsync("caseSearch", []);

        Assert.Equal(caseId, open.Text("caseId"));
        Assert.Equal("DISPUTE_INQUIRY", open.Text("status"));
        Assert.Null(open.Data["caseResult"]);
        Assert.Equal("100.00", open.Text("amount"));
        Assert.Equal("300.00", open.Text("originTradeAmount"));
        Assert.Equal((await client.QueryAsync("CB_4")).Text("tradeToken"), open.Text("tradeToken"));
        Assert.Equal("ORDER_NOT_EXIST", unknown.Code);
        Assert.Equal("PARAMS_INVALID", missing.Code);
    }

    [Fact]
    public async Task An_outcome_decides_the_case_after_the_given_minutes_on_the_simulator_clock()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "CB_5");
        await OpenAsync(sim, "CB_5", """{"outcome":"lost","decideAfterMinutes":30}""");

        await sim.AdvanceAsync(TimeSpan.FromMinutes(29));
        var before = Statuses(client);
        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("DISPUTE_INQUIRY/-", before);
        Assert.Equal("DISPUTE_INQUIRY/- DISPUTE_END/FAIL CASE_CLOSED/FAIL", Statuses(client));
    }

    [Fact]
    public async Task Without_decideAfterMinutes_the_outcome_waits_an_hour_and_a_case_decided_before_is_left_alone()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "CB_6");
        var caseId = await OpenAsync(sim, "CB_6", """{"outcome":"won"}""");
        await DecideAsync(sim, caseId, "cancelled");

        await sim.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal("DISPUTE_INQUIRY/- CASE_CANCEL/-", Statuses(client));
    }

    [Fact]
    public async Task Chargeback_notifications_go_to_their_own_address_when_one_is_configured_and_are_retried()
    {
        await using var sim = await SimulatorFixture.StartAsync(new Dictionary<string, string?> { ["Simulator:PayerMax:ChargebackNotifyUrl"] = ChargebackUrl });
        await PaidOrderAsync(sim, "CB_7");
        sim.Receiver.Respond = w => w.Url.AbsoluteUri == ChargebackUrl && sim.Receiver.Received.Count(r => r.Url.AbsoluteUri == ChargebackUrl) == 1
            ? (HttpStatusCode.InternalServerError, "{}")
            : (HttpStatusCode.OK, """{"code":"SUCCESS","msg":"Success"}""");

        await OpenAsync(sim, "CB_7");
        await sim.RunDueAsync();
        await sim.AdvanceAsync(TimeSpan.FromSeconds(30));

        var sent = sim.Receiver.Received.Where(w => w.Url.AbsoluteUri == ChargebackUrl).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal(sent[0].Body, sent[1].Body);
        Assert.Equal("DISPUTE_INQUIRY", (string?)JsonNode.Parse(sent[0].Body)!["data"]!["status"]);
        Assert.True(PayerMaxClient.Verify(Encoding.UTF8.GetBytes(sent[1].Body), sent[1].Header("sign"), new PayerMaxClient(sim).SimulatorPublicKey));
        Assert.DoesNotContain(sim.Receiver.Received, w => w.Url.AbsoluteUri == SimulatorFixture.PayerMaxNotifyUrl && w.Body.Contains("caseId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Opening_a_case_is_refused_for_unknown_or_unpaid_orders_a_second_open_case_and_amounts_that_do_not_fit()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "CB_8", 300m);
        await client.CreateOrderAsync(PayerMaxClient.Order("CB_8_UNPAID"));
        await client.CallAsync("refund", PayerMaxClient.Refund("CB_8_RF", "CB_8", 250m));
        var tooMuchAfterRefund = await PostAsync(sim, "orders/CB_8/chargeback", """{"amount":60}""");
        var first = await OpenAsync(sim, "CB_8", """{"amount":50}""");

        var answers = new Dictionary<string, (HttpStatusCode Status, JsonElement Body)>
        {
            ["unknown order"] = await PostAsync(sim, "orders/NOPE/chargeback"),
            ["unpaid order"] = await PostAsync(sim, "orders/CB_8_UNPAID/chargeback"),
            ["second open case"] = await PostAsync(sim, "orders/CB_8/chargeback", """{"amount":1}"""),
            ["more than the order"] = await PostAsync(sim, "orders/CB_8/chargeback", """{"amount":300.01}"""),
            ["three decimals"] = await PostAsync(sim, "orders/CB_8/chargeback", """{"amount":1.005}"""),
            ["zero"] = await PostAsync(sim, "orders/CB_8/chargeback", """{"amount":0}"""),
            ["amount as text"] = await PostAsync(sim, "orders/CB_8/chargeback", """{"amount":"ten"}"""),
            ["unknown outcome"] = await PostAsync(sim, "orders/CB_8/chargeback", """{"outcome":"maybe"}"""),
            ["minutes without outcome"] = await PostAsync(sim, "orders/CB_8/chargeback", """{"decideAfterMinutes":5}"""),
            ["negative minutes"] = await PostAsync(sim, "orders/CB_8/chargeback", """{"outcome":"won","decideAfterMinutes":-1}"""),
            ["empty reason"] = await PostAsync(sim, "orders/CB_8/chargeback", """{"reason":" "}"""),
        };

        Assert.Equal(HttpStatusCode.Conflict, tooMuchAfterRefund.Status);
        Assert.Equal("chargeback_not_allowed", tooMuchAfterRefund.Body.GetProperty("code").GetString());
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["unknown order"] = "404 not_found",
                ["unpaid order"] = "409 order_not_paid",
                ["second open case"] = "409 chargeback_not_allowed",
                ["more than the order"] = "400 invalid_amount",
                ["three decimals"] = "400 invalid_amount",
                ["zero"] = "400 invalid_amount",
                ["amount as text"] = "400 invalid_body",
                ["unknown outcome"] = "400 invalid_outcome",
                ["minutes without outcome"] = "400 invalid_outcome",
                ["negative minutes"] = "400 invalid_decide_after",
                ["empty reason"] = "400 invalid_reason",
            },
            answers.ToDictionary(a => a.Key, a => $"{(int)a.Value.Status} {a.Value.Body.GetProperty("code").GetString()}"));
        Assert.Contains(first, answers["second open case"].Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var cases = await sim.Http.GetFromJsonAsync<JsonElement>("/_simulator/payermax/chargebacks");
        Assert.Equal(first, Assert.Single(cases.EnumerateArray()).GetProperty("caseId").GetString());
    }

    [Fact]
    public async Task Deciding_is_refused_for_an_unknown_or_closed_case_and_an_unknown_outcome()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "CB_9");
        var caseId = await OpenAsync(sim, "CB_9");
        await DecideAsync(sim, caseId, "won");
        await sim.RunDueAsync();

        var again = await DecideAsync(sim, caseId, "lost");
        var unknown = await DecideAsync(sim, "O1", "won");
        var badOutcome = await DecideAsync(sim, caseId, "draw");
        var noBody = await PostAsync(sim, $"chargebacks/{caseId}/decide");
        await sim.RunDueAsync();

        Assert.Equal((HttpStatusCode.Conflict, "chargeback_closed"), (again.Status, again.Body.GetProperty("code").GetString()));
        Assert.Contains("CASE_CLOSED (WIN)", again.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (unknown.Status, unknown.Body.GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_outcome"), (badOutcome.Status, badOutcome.Body.GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_body"), (noBody.Status, noBody.Body.GetProperty("code").GetString()));
        Assert.Equal("DISPUTE_INQUIRY/- DISPUTE_END/WIN CASE_CLOSED/WIN", Statuses(client));
    }

    [Fact]
    public async Task A_cancelled_case_gives_its_amount_back_so_the_order_can_be_charged_back_again()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "CB_10");
        var first = await OpenAsync(sim, "CB_10");
        await DecideAsync(sim, first, "cancelled");

        var second = await OpenAsync(sim, "CB_10");
        await sim.RunDueAsync();

        Assert.NotEqual(first, second);
        Assert.Equal([first, first, second], Cases(client).Select(n => (string?)n["data"]!["caseId"]));
    }

    [Fact]
    public async Task The_chargeback_trigger_pays_an_order_and_opens_a_case_on_it()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);

        using var response = await sim.Http.PostAsync(new Uri("/_simulator/trigger/chargeback", UriKind.Relative), null);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        await sim.RunDueAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("payermax", result.GetProperty("provider").GetString());
        var caseId = result.GetProperty("objects").GetProperty("case").GetString();
        Assert.Equal(
            ["PAYMENT", "CHARGEBACK"],
            result.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("eventType").GetString()));
        var notification = Assert.Single(Cases(client));
        Assert.Equal(caseId, (string?)notification["data"]!["caseId"]);
        Assert.Equal(result.GetProperty("target").GetString(), (string?)notification["data"]!["outTradeNo"]);
        Assert.Equal("500.00", (string?)notification["data"]!["amount"]);
    }
}
