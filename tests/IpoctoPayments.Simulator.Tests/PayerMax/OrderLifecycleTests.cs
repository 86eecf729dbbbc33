using System.Net;
using System.Text.Json.Nodes;

namespace IpoctoPayments.Simulator.Tests.PayerMax;

public sealed class OrderLifecycleTests
{
    [Fact]
    public async Task OrderQuery_shows_a_new_order_PENDING_with_its_amount_and_reference()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        var created = await client.CreateOrderAsync(PayerMaxClient.Order("Q_1", 250.5m));

        var query = await client.QueryAsync("q_1");

        Assert.Equal("APPLY_SUCCESS", query.Code);
        Assert.True(query.SignatureValid);
        Assert.Equal("Q_1", query.Text("outTradeNo"));
        Assert.Equal(created.Text("tradeToken"), query.Text("tradeToken"));
        Assert.Equal("PENDING", query.Text("status"));
        Assert.Equal(250.5m, query.Number("totalAmount"));
        Assert.Equal("PHP", query.Text("currency"));
        Assert.Equal("ref-Q_1", query.Text("reference"));
        Assert.Empty(query.Data["paymentDetails"]!.AsArray());
    }

    [Fact]
    public async Task OrderQuery_of_a_paid_order_gives_its_fees_channel_number_payment_code_confirm_time_and_exchange_rate()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order("Q_2", 250.5m));
        var pending = await client.QueryAsync("Q_2");
        await sim.AdvanceAsync(TimeSpan.FromMinutes(3));
        var paidAt = PayerMaxClient.UtcTime(sim.Clock.GetUtcNow());
        using var complete = await sim.Http.PostAsync("/_simulator/payermax/orders/Q_2/complete", null);
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);

        var paid = await client.QueryAsync("Q_2");

        foreach (var name in new[] { "fees", "thirdChannelNo", "paymentCode", "confirmPayTime" })
        {
            Assert.False(pending.Data.ContainsKey(name), name + " on a pending order");
        }

        Assert.Equal("SUCCESS", paid.Text("status"));
        Assert.Equal(0m, paid.Data["fees"]!["merFee"]!["amount"]!.GetValue<decimal>());
        Assert.Equal("PHP", (string?)paid.Data["fees"]!["merFee"]!["currency"]);
        Assert.Matches(@"^\d{15}$", paid.Text("thirdChannelNo"));
        Assert.Matches(@"^\d{14}$", paid.Text("paymentCode"));
        Assert.Equal(paidAt, paid.Text("confirmPayTime"));
        Assert.Equal(paidAt, paid.Text("completeTime"));
        var detail = Assert.Single(paid.Data["paymentDetails"]!.AsArray())!;
        Assert.Equal("1", (string?)detail["exchangeRate"]);
        Assert.Equal(250.5m, detail["payAmount"]!.GetValue<decimal>());
        Assert.Equal("PHP", (string?)detail["payCurrency"]);
    }

    [Fact]
    public async Task OrderQuery_of_an_unknown_order_is_ORDER_NOT_EXIST()
    {
        await using var sim = await PayerMaxFixture.StartAsync();

        var query = await new PayerMaxClient(sim).QueryAsync("NOPE");

        Assert.Equal("ORDER_NOT_EXIST", query.Code);
    }

    [Fact]
    public async Task OrderClose_closes_a_pending_order_then_answers_ORDER_CLOSED()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order("CL_1"));
        var close = new JsonObject { ["outTradeNo"] = "CL_1", ["reason"] = "customer left" };
        await sim.AdvanceAsync(TimeSpan.FromMinutes(2));
        var closedAt = PayerMaxClient.UtcTime(sim.Clock.GetUtcNow());

        var first = await client.CallAsync("orderClose", close);
        var second = await client.CallAsync("orderClose", close.DeepClone().AsObject());
        await sim.RunDueAsync();

        Assert.Equal("APPLY_SUCCESS", first.Code);
        Assert.Equal("CLOSED", first.Text("status"));
        Assert.Equal(closedAt, first.Text("closedTime"));
        Assert.Equal("ORDER_CLOSED", second.Code);
        Assert.Equal("CLOSED", (await client.QueryAsync("CL_1")).Text("status"));
        var notification = Assert.Single(client.Notifications("PAYMENT"));
        Assert.Equal("CLOSED", (string?)notification["data"]!["status"]);
    }

    [Fact]
    public async Task OrderClose_of_a_paid_order_is_refused()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order("CL_2"));
        await sim.Http.PostAsync("/_simulator/payermax/orders/CL_2/complete", null);

        var close = await client.CallAsync("orderClose", new JsonObject { ["outTradeNo"] = "CL_2" });

        Assert.Equal("PARAMS_INVALID", close.Code);
        Assert.Equal("SUCCESS", (await client.QueryAsync("CL_2")).Text("status"));
    }

    [Fact]
    public async Task An_unpaid_order_closes_by_itself_after_30_minutes_by_default()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order("EXP_1"));

        await sim.AdvanceAsync(TimeSpan.FromMinutes(29));
        var before = await client.QueryAsync("EXP_1");
        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));
        var after = await client.QueryAsync("EXP_1");

        Assert.Equal("PENDING", before.Text("status"));
        Assert.Equal("CLOSED", after.Text("status"));
        var notification = Assert.Single(client.Notifications("PAYMENT"));
        Assert.Equal("ORDER_CLOSED", (string?)notification["code"]);
        Assert.Equal("CLOSED", (string?)notification["data"]!["status"]);
    }

    [Theory]
    [InlineData("60", 30)]
    [InlineData("3600", 60)]
    [InlineData("999999", 1440)]
    public async Task ExpireTime_is_clamped_between_30_minutes_and_24_hours(string expireTime, int closesAfterMinutes)
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        var order = PayerMaxClient.Order("EXP_2");
        order["expireTime"] = expireTime;
        await client.CreateOrderAsync(order);

        await sim.AdvanceAsync(TimeSpan.FromMinutes(closesAfterMinutes) - TimeSpan.FromSeconds(1));
        var before = (await client.QueryAsync("EXP_2")).Text("status");
        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal("PENDING", before);
        Assert.Equal("CLOSED", (await client.QueryAsync("EXP_2")).Text("status"));
    }

    [Fact]
    public async Task A_paid_order_does_not_close_at_its_expiry()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order("EXP_3"));
        await sim.Http.PostAsync("/_simulator/payermax/orders/EXP_3/complete", null);

        await sim.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal("SUCCESS", (await client.QueryAsync("EXP_3")).Text("status"));
    }

    [Fact]
    public async Task Reset_forgets_every_PayerMax_order()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order("RST_1"));

        var reset = await sim.Http.PostAsync("/_simulator/reset", null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal("ORDER_NOT_EXIST", (await client.QueryAsync("RST_1")).Code);
        Assert.Equal("APPLY_SUCCESS", (await client.CallAsync("orderAndPay", PayerMaxClient.Order("RST_1"))).Code);
    }
}
