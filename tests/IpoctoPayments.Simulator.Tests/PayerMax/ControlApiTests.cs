using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IpoctoPayments.Simulator.Tests.PayerMax;

public sealed class ControlApiTests
{
    [Fact]
    public async Task Complete_pays_a_pending_order_with_the_method_named()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order("CTL_1", 100m, "IDR", "ID"));

        using var response = await sim.Http.PostAsJsonAsync("/_simulator/payermax/orders/CTL_1/complete", new { paymentMethodType = "BANK_TRANSFER", targetOrg = "BRI" });
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        await sim.RunDueAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("SUCCESS", view.GetProperty("status").GetString());
        var detail = (await client.QueryAsync("CTL_1")).Data["paymentDetails"]![0]!;
        Assert.Equal("BANK_TRANSFER", (string?)detail["paymentMethodType"]);
        Assert.Equal("BRI", (string?)detail["targetOrg"]);
        Assert.Single(client.Notifications("PAYMENT"));
    }

    [Fact]
    public async Task Complete_with_a_method_the_country_lacks_is_a_400_problem()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        await new PayerMaxClient(sim).CreateOrderAsync(PayerMaxClient.Order("CTL_2"));

        using var response = await sim.Http.PostAsJsonAsync("/_simulator/payermax/orders/CTL_2/complete", new { paymentMethodType = "WALLET", targetOrg = "DANA" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unknown_method", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Fail_declines_with_the_code_given_and_notifies_it()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order("CTL_3"));

        using var response = await sim.Http.PostAsJsonAsync("/_simulator/payermax/orders/CTL_3/fail", new { code = "BALANCE_INSUFFICIENT" });
        await sim.RunDueAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var query = await client.QueryAsync("CTL_3");
        Assert.Equal("FAILED", query.Text("status"));
        Assert.Equal("BALANCE_INSUFFICIENT", query.Text("resultCode"));
        Assert.Equal("Insufficient balance.", query.Text("resultMsg"));
        Assert.Equal("BALANCE_INSUFFICIENT", (string?)Assert.Single(client.Notifications("PAYMENT"))["code"]);
    }

    [Fact]
    public async Task Fail_without_a_body_is_PAYMENT_FAILED_and_with_an_unknown_code_a_400_problem()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order("CTL_4"));
        await client.CreateOrderAsync(PayerMaxClient.Order("CTL_5"));

        using var unknown = await sim.Http.PostAsJsonAsync("/_simulator/payermax/orders/CTL_5/fail", new { code = "NOT_A_CODE" });
        using var plain = await sim.Http.PostAsync("/_simulator/payermax/orders/CTL_4/fail", null);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("unknown_code", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("PAYMENT_FAILED", (await client.QueryAsync("CTL_4")).Text("resultCode"));
        Assert.Equal("PENDING", (await client.QueryAsync("CTL_5")).Text("status"));
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_problem_and_changes_nothing()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order("CTL_10"));

        using var response = await sim.Http.PostAsync("/_simulator/payermax/orders/CTL_10/fail",
            new StringContent("{\"code\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_body", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("PENDING", (await client.QueryAsync("CTL_10")).Text("status"));
    }

    [Fact]
    public async Task Pending_leaves_the_order_pending_and_a_settled_order_is_a_409()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        await new PayerMaxClient(sim).CreateOrderAsync(PayerMaxClient.Order("CTL_6"));

        using var pending = await sim.Http.PostAsync("/_simulator/payermax/orders/CTL_6/pending", null);
        await sim.Http.PostAsync("/_simulator/payermax/orders/CTL_6/complete", null);
        using var again = await sim.Http.PostAsync("/_simulator/payermax/orders/CTL_6/pending", null);

        Assert.Equal(HttpStatusCode.OK, pending.StatusCode);
        Assert.Equal("PENDING", (await pending.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("order_not_pending", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Close_expires_a_pending_order_now()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order("CTL_7"));

        using var response = await sim.Http.PostAsync("/_simulator/payermax/orders/CTL_7/close", null);
        await sim.RunDueAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("CLOSED", (await client.QueryAsync("CTL_7")).Text("status"));
        Assert.Equal("CLOSED", (string?)Assert.Single(client.Notifications("PAYMENT"))["data"]!["status"]);
    }

    [Fact]
    public async Task An_unknown_order_or_refund_is_a_404_problem_with_a_code()
    {
        await using var sim = await PayerMaxFixture.StartAsync();

        using var order = await sim.Http.PostAsync("/_simulator/payermax/orders/NOPE/complete", null);
        using var refund = await sim.Http.PostAsync("/_simulator/payermax/refunds/NOPE/succeed", null);

        Assert.Equal(HttpStatusCode.NotFound, order.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refund.StatusCode);
        Assert.Equal("not_found", (await order.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_pending_refund_can_be_settled_either_way_once()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order("CTL_8", 1000m));
        await sim.Http.PostAsync("/_simulator/payermax/orders/CTL_8/complete", null);
        await client.CallAsync("refund", PayerMaxClient.Refund("CTL_8_R1", "CTL_8", 202m));
        await client.CallAsync("refund", PayerMaxClient.Refund("CTL_8_R2", "CTL_8", 202m));

        using var succeed = await sim.Http.PostAsync("/_simulator/payermax/refunds/CTL_8_R1/succeed", null);
        using var fail = await sim.Http.PostAsync("/_simulator/payermax/refunds/CTL_8_R2/fail", null);
        using var twice = await sim.Http.PostAsync("/_simulator/payermax/refunds/CTL_8_R1/fail", null);
        await sim.RunDueAsync();

        Assert.Equal(HttpStatusCode.OK, succeed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fail.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("refund_not_pending", (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(["REFUND_SUCCESS", "REFUND_FAILED"], client.Notifications("REFUND").Select(n => (string?)n["data"]!["status"]));
    }

    [Fact]
    public async Task Orders_and_refunds_are_listed_with_amounts_in_major_units()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order("CTL_9", 99.5m));
        await sim.Http.PostAsync("/_simulator/payermax/orders/CTL_9/complete", null);
        await client.CallAsync("refund", PayerMaxClient.Refund("CTL_9_R", "CTL_9", 9.5m));

        var orders = await sim.Http.GetFromJsonAsync<JsonElement>("/_simulator/payermax/orders");
        var refunds = await sim.Http.GetFromJsonAsync<JsonElement>("/_simulator/payermax/refunds");
        var one = await sim.Http.GetFromJsonAsync<JsonElement>("/_simulator/payermax/orders/ctl_9");

        var order = Assert.Single(orders.EnumerateArray());
        Assert.Equal("CTL_9", order.GetProperty("outTradeNo").GetString());
        Assert.Equal(99.5m, order.GetProperty("totalAmount").GetDecimal());
        Assert.Equal(90m, order.GetProperty("refundableAmount").GetDecimal());
        Assert.Equal(9.5m, Assert.Single(refunds.EnumerateArray()).GetProperty("refundAmount").GetDecimal());
        Assert.Equal("CTL_9_R", one.GetProperty("refunds")[0].GetProperty("outRefundNo").GetString());
    }

    [Fact]
    public async Task The_control_routes_are_in_the_simulators_OpenAPI_document()
    {
        await using var sim = await PayerMaxFixture.StartAsync();

        var document = await sim.Http.GetStringAsync("/_simulator/openapi/simulator.json");

        Assert.Contains("/_simulator/payermax/orders/{outTradeNo}/complete", document, StringComparison.Ordinal);
        Assert.Contains("/_simulator/payermax/refunds/{outRefundNo}/fail", document, StringComparison.Ordinal);
        Assert.Contains("PayerMax control", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/aggregate-pay/", document, StringComparison.Ordinal);
    }
}
