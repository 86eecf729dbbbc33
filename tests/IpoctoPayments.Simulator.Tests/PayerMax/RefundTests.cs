using System.Net;
using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Tests.Support;

namespace IpoctoPayments.Simulator.Tests.PayerMax;

public sealed class RefundTests
{
    private static async Task<PayerMaxClient> PaidOrderAsync(SimulatorFixture sim, string outTradeNo, decimal amount = 500m, string currency = "PHP", string country = "PH")
    {
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order(outTradeNo, amount, currency, country));
        using var complete = await sim.Http.PostAsync($"/_simulator/payermax/orders/{outTradeNo}/complete", null);
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        return client;
    }

    private static Task<PayerMaxAnswer> RefundQueryAsync(PayerMaxClient client, string outRefundNo) =>
        client.CallAsync("refundQuery", new JsonObject { ["outRefundNo"] = outRefundNo });

    [Fact]
    public async Task A_refund_is_accepted_pending_then_succeeds_with_a_signed_REFUND_notification()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "RF_1");

        var refund = await client.CallAsync("refund", PayerMaxClient.Refund("RFN_1", "RF_1", 500m));
        var pending = await RefundQueryAsync(client, "RFN_1");
        await sim.AdvanceAsync(TimeSpan.FromSeconds(10));
        var settled = await RefundQueryAsync(client, "RFN_1");

        Assert.Equal("APPLY_SUCCESS", refund.Code);
        Assert.True(refund.SignatureValid);
        Assert.Equal("REFUND_PENDING", refund.Text("status"));
        Assert.Equal("RFN_1", refund.Text("outRefundNo"));
        Assert.Equal((await client.QueryAsync("RF_1")).Text("tradeToken"), refund.Text("tradeOrderNo"));
        Assert.Matches(@"^\d{14}TI\d{12}$", refund.Text("refundTradeNo"));
        Assert.Equal("REFUND_PENDING", pending.Text("status"));
        Assert.True(pending.Data.ContainsKey("refundFinishTime"));
        Assert.Null(pending.Data["refundFinishTime"]);
        Assert.Equal("REFUND_SUCCESS", settled.Text("status"));
        Assert.Equal(PayerMaxClient.UtcTime(sim.Clock.GetUtcNow()), settled.Text("refundFinishTime"));
        Assert.Equal(500m, settled.Number("refundAmount"));
        var notification = Assert.Single(client.Notifications("REFUND"));
        Assert.Equal("APPLY_SUCCESS", (string?)notification["code"]);
        var data = notification["data"]!;
        Assert.Equal("RFN_1", (string?)data["outRefundNo"]);
        Assert.Equal(refund.Text("refundTradeNo"), (string?)data["refundTradeNo"]);
        Assert.Equal("RF_1", (string?)data["outTradeNo"]);
        Assert.Equal(500m, data["refundAmount"]!.GetValue<decimal>());
        Assert.Equal("PHP", (string?)data["refundCurrency"]);
        Assert.Equal("REFUND_SUCCESS", (string?)data["status"]);
        Assert.Matches(@"Z$", (string?)data["refundFinishTime"]);
    }

    [Theory]
    [InlineData(102)]
    [InlineData(10000)]
    public async Task Sandbox_refund_amounts_102_and_10000_fail_about_a_minute_later(int amount)
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "RF_2", 20_000m);
        await client.CallAsync("refund", PayerMaxClient.Refund("RFN_2", "RF_2", amount));

        await sim.AdvanceAsync(TimeSpan.FromSeconds(59));
        var before = await RefundQueryAsync(client, "RFN_2");
        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        var after = await RefundQueryAsync(client, "RFN_2");

        Assert.Equal("REFUND_PENDING", before.Text("status"));
        Assert.Equal("REFUND_FAILED", after.Text("status"));
        var notification = Assert.Single(client.Notifications("REFUND"));
        Assert.Equal("REFUND_FAILED", (string?)notification["code"]);
        Assert.Equal("REFUND_FAILED", (string?)notification["data"]!["status"]);
    }

    [Theory]
    [InlineData(202)]
    [InlineData(20000)]
    public async Task Sandbox_refund_amounts_202_and_20000_stay_pending(int amount)
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "RF_3", 20_000m);
        await client.CallAsync("refund", PayerMaxClient.Refund("RFN_3", "RF_3", amount));

        await sim.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Equal("REFUND_PENDING", (await RefundQueryAsync(client, "RFN_3")).Text("status"));
        Assert.Empty(client.Notifications("REFUND"));
    }

    [Fact]
    public async Task Partial_refunds_may_not_exceed_what_is_left_and_a_failed_one_gives_its_amount_back()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "RF_4", 300m);

        var first = await client.CallAsync("refund", PayerMaxClient.Refund("RFN_4A", "RF_4", 102m));
        var second = await client.CallAsync("refund", PayerMaxClient.Refund("RFN_4B", "RF_4", 198m));
        var tooMuch = await client.CallAsync("refund", PayerMaxClient.Refund("RFN_4C", "RF_4", 0.01m));
        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));
        var afterFailure = await client.CallAsync("refund", PayerMaxClient.Refund("RFN_4D", "RF_4", 102m));

        Assert.Equal("APPLY_SUCCESS", first.Code);
        Assert.Equal("APPLY_SUCCESS", second.Code);
        Assert.Equal("REFUND_FAILED", tooMuch.Code);
        Assert.Equal("APPLY_SUCCESS", afterFailure.Code);
    }

    [Fact]
    public async Task A_refund_can_name_the_order_by_tradeToken_and_be_queried_by_refundTradeNo()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "RF_5");
        var tradeToken = (await client.QueryAsync("RF_5")).Text("tradeToken");
        var request = PayerMaxClient.Refund("RFN_5", "unused", 10m);
        request.Remove("outTradeNo");
        request["tradeToken"] = tradeToken;

        var refund = await client.CallAsync("refund", request);
        var query = await client.CallAsync("refundQuery", new JsonObject { ["refundTradeNo"] = refund.Text("refundTradeNo") });

        Assert.Equal("APPLY_SUCCESS", refund.Code);
        Assert.Equal("RFN_5", query.Text("outRefundNo"));
        Assert.Equal("RF_5", query.Text("outTradeNo"));
    }

    [Fact]
    public async Task The_refunds_own_refundNotifyUrl_receives_its_notification()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "RF_6");
        var request = PayerMaxClient.Refund("RFN_6", "RF_6", 10m);
        request["refundNotifyUrl"] = "http://merchant.test/refunds/notify";
        await sim.RunDueAsync();

        await client.CallAsync("refund", request);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("http://merchant.test/refunds/notify", sim.Receiver.Received[^1].Url.AbsoluteUri);
    }

    [Fact]
    public async Task Refund_validation_answers_PayerMax_codes()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "RF_7");
        await client.CreateOrderAsync(PayerMaxClient.Order("RF_7_UNPAID"));
        await client.CallAsync("refund", PayerMaxClient.Refund("RFN_7", "RF_7", 1m));
        var noOrder = PayerMaxClient.Refund("RFN_7B", "RF_7", 1m);
        noOrder.Remove("outTradeNo");
        var noAmount = PayerMaxClient.Refund("RFN_7C", "RF_7", 1m);
        noAmount.Remove("refundAmount");

        var answers = new Dictionary<string, PayerMaxAnswer>
        {
            ["duplicate outRefundNo"] = await client.CallAsync("refund", PayerMaxClient.Refund("rfn_7", "RF_7", 1m)),
            ["other currency"] = await client.CallAsync("refund", PayerMaxClient.Refund("RFN_7D", "RF_7", 1m, "USD")),
            ["unpaid order"] = await client.CallAsync("refund", PayerMaxClient.Refund("RFN_7E", "RF_7_UNPAID", 1m)),
            ["unknown order"] = await client.CallAsync("refund", PayerMaxClient.Refund("RFN_7F", "NOPE", 1m)),
            ["no order named"] = await client.CallAsync("refund", noOrder),
            ["no amount"] = await client.CallAsync("refund", noAmount),
            ["three decimals"] = await client.CallAsync("refund", PayerMaxClient.Refund("RFN_7G", "RF_7", 1.005m)),
            ["zero"] = await client.CallAsync("refund", PayerMaxClient.Refund("RFN_7H", "RF_7", 0m)),
        };

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["duplicate outRefundNo"] = "PARAMS_INVALID",
                ["other currency"] = "PARAMS_INVALID",
                ["unpaid order"] = "REFUND_FAILED",
                ["unknown order"] = "ORDER_NOT_EXIST",
                ["no order named"] = "PARAMS_INVALID",
                ["no amount"] = "PARAMS_INVALID",
                ["three decimals"] = "AMOUNT_INVALID",
                ["zero"] = "AMOUNT_INVALID",
            },
            answers.ToDictionary(a => a.Key, a => a.Value.Code));
    }

    [Fact]
    public async Task Egypt_takes_no_refunds()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "RF_8", 100m, "EGP", "EG");

        var refund = await client.CallAsync("refund", PayerMaxClient.Refund("RFN_8", "RF_8", 10m, "EGP"));

        Assert.Equal("REFUND_FAILED", refund.Code);
    }

    [Fact]
    public async Task RefundQuery_of_an_unknown_refund_is_ORDER_NOT_EXIST_and_without_a_number_PARAMS_INVALID()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);

        Assert.Equal("ORDER_NOT_EXIST", (await RefundQueryAsync(client, "NOPE")).Code);
        Assert.Equal("PARAMS_INVALID", (await client.CallAsync("refundQuery", [])).Code);
    }
}
