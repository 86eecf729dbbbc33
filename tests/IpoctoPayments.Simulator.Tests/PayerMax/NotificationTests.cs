using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Tests.Support;

namespace IpoctoPayments.Simulator.Tests.PayerMax;

public sealed class NotificationTests
{
    private static async Task<PayerMaxClient> PaidOrderAsync(SimulatorFixture sim, string outTradeNo, JsonObject? order = null)
    {
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(order ?? PayerMaxClient.Order(outTradeNo));
        using var complete = await sim.Http.PostAsJsonAsync($"/_simulator/payermax/orders/{outTradeNo}/complete", new { paymentMethodType = "WALLET", targetOrg = "GCASH" });
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        return client;
    }

    [Fact]
    public async Task A_PAYMENT_notification_is_signed_and_shaped_as_PayerMax_sends_it()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = await PaidOrderAsync(sim, "NTF_1");

        await sim.RunDueAsync();

        var webhook = Assert.Single(sim.Receiver.Received);
        Assert.Equal(SimulatorFixture.PayerMaxNotifyUrl, webhook.Url.AbsoluteUri);
        var notification = Assert.Single(client.Notifications("PAYMENT"));
        Assert.Equal("APPLY_SUCCESS", (string?)notification["code"]);
        Assert.Equal("1", (string?)notification["keyVersion"]);
        Assert.Equal(PayerMaxClient.AppId, (string?)notification["appId"]);
        Assert.Equal(PayerMaxClient.MerchantNo, (string?)notification["merchantNo"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$", (string?)notification["notifyTime"]);
        var data = notification["data"]!;
        Assert.Equal("NTF_1", (string?)data["outTradeNo"]);
        Assert.StartsWith("T", (string?)data["tradeToken"], StringComparison.Ordinal);
        Assert.Equal(100m, data["totalAmount"]!.GetValue<decimal>());
        Assert.Equal("PHP", (string?)data["currency"]);
        Assert.Equal("PH", (string?)data["country"]);
        Assert.Equal("SUCCESS", (string?)data["status"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", (string?)data["completeTime"]);
        Assert.Equal("ref-NTF_1", (string?)data["reference"]);
        Assert.StartsWith("DMCP", (string?)data["channelNo"], StringComparison.Ordinal);
        var detail = Assert.Single(data["paymentDetails"]!.AsArray())!;
        Assert.Equal("WALLET", (string?)detail["paymentMethodType"]);
        Assert.Equal("GCASH", (string?)detail["targetOrg"]);
        Assert.Equal(100m, detail["payAmount"]!.GetValue<decimal>());
        Assert.Equal("PHP", (string?)detail["payCurrency"]);
    }

    [Fact]
    public async Task The_orders_own_notifyUrl_wins_over_the_configured_one()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var order = PayerMaxClient.Order("NTF_2");
        order["notifyUrl"] = "http://merchant.test/orders/NTF_2/notify";
        await PaidOrderAsync(sim, "NTF_2", order);

        await sim.RunDueAsync();

        Assert.Equal("http://merchant.test/orders/NTF_2/notify", Assert.Single(sim.Receiver.Received).Url.AbsoluteUri);
    }

    [Fact]
    public async Task An_unacknowledged_notification_is_redelivered_at_0s_30s_5min_10min_until_answered_SUCCESS()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        sim.Receiver.Respond = _ => (HttpStatusCode.OK, """{"code":"FAIL","msg":"try later"}""");
        await PaidOrderAsync(sim, "NTF_3");

        await sim.RunDueAsync();
        var afterFirst = sim.Receiver.Received.Count;
        await sim.AdvanceAsync(TimeSpan.FromSeconds(29));
        var before30s = sim.Receiver.Received.Count;
        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        var at30s = sim.Receiver.Received.Count;
        await sim.AdvanceAsync(TimeSpan.FromMinutes(5));
        var at5min = sim.Receiver.Received.Count;
        sim.Receiver.Respond = _ => (HttpStatusCode.OK, """{"code":"SUCCESS","msg":"Success"}""");
        await sim.AdvanceAsync(TimeSpan.FromMinutes(10));
        var at10min = sim.Receiver.Received.Count;
        await sim.AdvanceAsync(TimeSpan.FromHours(13));

        Assert.Equal([1, 1, 2, 3, 4], [afterFirst, before30s, at30s, at5min, at10min]);
        Assert.Equal(4, sim.Receiver.Received.Count);
        var delivery = await Delivery(sim, "NTF_3");
        Assert.Equal("Delivered", delivery.GetProperty("status").GetString());
        Assert.Equal(4, delivery.GetProperty("attempts").GetArrayLength());
    }

    [Fact]
    public async Task A_notification_never_acknowledged_is_given_up_after_the_12_hour_attempt()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        sim.Receiver.Respond = _ => (HttpStatusCode.InternalServerError, "oops");
        await PaidOrderAsync(sim, "NTF_4");

        await sim.RunDueAsync();
        foreach (var wait in new[] { 30, 300, 600, 3600, 43200, 86400 })
        {
            await sim.AdvanceAsync(TimeSpan.FromSeconds(wait));
        }

        Assert.Equal(6, sim.Receiver.Received.Count);
        Assert.Equal("GaveUp", (await Delivery(sim, "NTF_4")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_dropped_notification_is_recorded_but_never_arrives_while_orderQuery_shows_the_truth()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        sim.Service<FaultPlan>().SetTarget("NTF_5", new FaultSettings { Webhooks = new WebhookFault { Drop = true } });
        var client = await PaidOrderAsync(sim, "NTF_5");

        await sim.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Empty(sim.Receiver.Received);
        Assert.Equal("Dropped", (await Delivery(sim, "NTF_5")).GetProperty("status").GetString());
        Assert.Equal("SUCCESS", (await client.QueryAsync("NTF_5")).Text("status"));
    }

    [Fact]
    public async Task A_duplicated_notification_arrives_several_times_with_the_same_body()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        sim.Service<FaultPlan>().SetTarget("NTF_6", new FaultSettings { Webhooks = new WebhookFault { Duplicates = 2 } });
        var client = await PaidOrderAsync(sim, "NTF_6");

        await sim.RunDueAsync();

        var received = client.Notifications("PAYMENT");
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(n => n.ToJsonString()).Distinct());
    }

    [Fact]
    public async Task A_delayed_notification_arrives_only_after_the_delay_on_the_clock()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        sim.Service<FaultPlan>().SetTarget("NTF_8", new FaultSettings { Webhooks = new WebhookFault { Delay = TimeSpan.FromMinutes(2) } });
        var client = await PaidOrderAsync(sim, "NTF_8");

        await sim.AdvanceAsync(TimeSpan.FromSeconds(119));
        var early = sim.Receiver.Received.Count;
        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(0, early);
        Assert.Single(client.Notifications("PAYMENT"));
    }

    [Fact]
    public async Task A_bank_sync_delay_reports_FAILED_first_then_SUCCESS_after_the_delay()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        sim.Service<FaultPlan>().SetTarget("NTF_7", new FaultSettings { BankSyncDelay = TimeSpan.FromMinutes(10) });
        var client = new PayerMaxClient(sim);
        var created = await client.CreateOrderAsync(PayerMaxClient.Order("NTF_7"));
        var cashier = client.Cashier();
        await cashier.FollowAsync(new Uri(created.Text("redirectUrl")!).PathAndQuery, "Pay with GCash");

        await cashier.ScanAsync();
        var back = PayerMaxClient.ReturnQuery(cashier);
        await sim.RunDueAsync();
        var first = await client.QueryAsync("NTF_7");
        await sim.AdvanceAsync(TimeSpan.FromMinutes(10));
        var later = await client.QueryAsync("NTF_7");

        Assert.Equal("outTradeNo=NTF_7&status=FAILED", back);
        Assert.Equal("FAILED", first.Text("status"));
        Assert.Equal("SUCCESS", later.Text("status"));
        Assert.Equal("GCASH", (string?)later.Data["paymentDetails"]![0]!["targetOrg"]);
        Assert.Equal(["FAILED", "SUCCESS"], client.Notifications("PAYMENT").Select(n => (string?)n["data"]!["status"]));
        Assert.Equal("PAYMENT_FAILED", (string?)client.Notifications("PAYMENT")[0]["code"]);
    }

    private static async Task<JsonElement> Delivery(SimulatorFixture sim, string target)
    {
        var deliveries = await sim.Http.GetFromJsonAsync<JsonElement>($"/_simulator/deliveries?provider=payermax&target={target}");
        return Assert.Single(deliveries.EnumerateArray());
    }
}
