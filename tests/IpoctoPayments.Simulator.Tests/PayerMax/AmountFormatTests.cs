using System.Net;
using System.Text.Json.Nodes;

namespace IpoctoPayments.Simulator.Tests.PayerMax;

/// <summary>Every answer writes amounts at PayerMax's precision for the currency, as typed clients read them.</summary>
public sealed class AmountFormatTests
{
    [Theory]
    [InlineData("50000.00", "IDR", "ID", "50000", "15000")]
    [InlineData("300", "TWD", "TW", "300", "120")]
    [InlineData("100.50", "PHP", "PH", "100.5", "40.2")]
    [InlineData("100.00", "PHP", "PH", "100", "40.2")]
    [InlineData("12.5", "KWD", "KW", "12.5", "5.05")]
    public async Task Order_refund_and_notification_amounts_are_written_at_the_currencys_precision(
        string sent, string currency, string country, string expected, string refundAmount)
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        var order = PayerMaxClient.Order("FMT_1", 0m, currency, country);
        order["totalAmount"] = JsonNode.Parse(sent);
        await client.CreateOrderAsync(order);
        using var complete = await sim.Http.PostAsync("/_simulator/payermax/orders/FMT_1/complete", null);
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        var refund = PayerMaxClient.Refund("FMT_R1", "FMT_1", 0m, currency);
        refund["refundAmount"] = JsonNode.Parse(refundAmount);
        Assert.Equal("APPLY_SUCCESS", (await client.CallAsync("refund", refund)).Code);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(10));

        var query = await client.QueryAsync("FMT_1");
        var refundQuery = await client.CallAsync("refundQuery", new JsonObject { ["outRefundNo"] = "FMT_R1" });

        Assert.Equal(expected, query.Data["totalAmount"]!.ToJsonString());
        Assert.Equal(expected, query.Data["paymentDetails"]![0]!["payAmount"]!.ToJsonString());
        Assert.Equal("0", query.Data["fees"]!["merFee"]!["amount"]!.ToJsonString());
        Assert.Equal(refundAmount, refundQuery.Data["refundAmount"]!.ToJsonString());
        var payment = Assert.Single(client.Notifications("PAYMENT"));
        Assert.Equal(expected, payment["data"]!["totalAmount"]!.ToJsonString());
        var refunded = Assert.Single(client.Notifications("REFUND"));
        Assert.Equal(refundAmount, refunded["data"]!["refundAmount"]!.ToJsonString());
    }
}
