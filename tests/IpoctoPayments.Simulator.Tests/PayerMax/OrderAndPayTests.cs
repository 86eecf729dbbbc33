using System.Text.Json.Nodes;

namespace IpoctoPayments.Simulator.Tests.PayerMax;

public sealed class OrderAndPayTests
{
    [Fact]
    public async Task A_hosted_checkout_order_answers_the_cashier_url_a_trade_token_and_PENDING()
    {
        await using var sim = await PayerMaxFixture.StartAsync();

        var answer = await new PayerMaxClient(sim).CreateOrderAsync(PayerMaxClient.Order("TOPUP_1"));

        Assert.Equal("TOPUP_1", answer.Text("outTradeNo"));
        Assert.Equal("PENDING", answer.Text("status"));
        Assert.Matches(@"^T\d{22}$", answer.Text("tradeToken"));
        Assert.StartsWith("T" + sim.Clock.GetUtcNow().ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), answer.Text("tradeToken"), StringComparison.Ordinal);
        Assert.Equal($"http://localhost/payermax/cashier/{answer.Text("tradeToken")}", answer.Text("redirectUrl"));
    }

    [Fact]
    public async Task An_outTradeNo_used_before_in_another_case_is_ORDER_REPEAT()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order("Order_AAa"));

        var again = await client.CallAsync("orderAndPay", PayerMaxClient.Order("ORDER_aaA"));

        Assert.Equal("ORDER_REPEAT", again.Code);
    }

    [Theory]
    [InlineData("outTradeNo")]
    [InlineData("integrate")]
    [InlineData("subject")]
    [InlineData("totalAmount")]
    [InlineData("currency")]
    [InlineData("userId")]
    [InlineData("frontCallbackUrl")]
    public async Task A_missing_required_field_is_PARAMS_INVALID_naming_it(string field)
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var order = PayerMaxClient.Order("REQ_1");
        order.Remove(field);

        var answer = await new PayerMaxClient(sim).CallAsync("orderAndPay", order);

        Assert.Equal("PARAMS_INVALID", answer.Code);
        Assert.Contains(field, answer.Msg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payment_method_without_a_country_is_PARAMS_INVALID()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var order = PayerMaxClient.Order("CTRY_1", country: null);
        order["paymentDetail"] = new JsonObject { ["paymentMethodType"] = "WALLET" };

        var answer = await new PayerMaxClient(sim).CallAsync("orderAndPay", order);

        Assert.Equal("PARAMS_INVALID", answer.Code);
        Assert.Contains("country", answer.Msg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_country_the_currency_picks_the_cashier_country()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        await client.CreateOrderAsync(PayerMaxClient.Order("CTRY_2", 50_000m, "IDR", country: null));

        var query = await client.QueryAsync("CTRY_2");

        Assert.Equal("ID", query.Text("country"));
    }

    [Theory]
    [InlineData("XX", "PHP", "COUNTRY_INVALID")]
    [InlineData("PH", "USD", "CURRENCY_INVALID")]
    [InlineData(null, "XYZ", "CURRENCY_INVALID")]
    public async Task Country_and_currency_must_match_the_catalogue(string? country, string currency, string code)
    {
        await using var sim = await PayerMaxFixture.StartAsync();

        var answer = await new PayerMaxClient(sim).CallAsync("orderAndPay", PayerMaxClient.Order("CUR_1", 100m, currency, country));

        Assert.Equal(code, answer.Code);
    }

    [Theory]
    [InlineData("100.5", "IDR", "ID")]
    [InlineData("10.123", "KWD", "KW")]
    [InlineData("1.001", "PHP", "PH")]
    [InlineData("0", "PHP", "PH")]
    [InlineData("-5", "PHP", "PH")]
    public async Task An_amount_with_too_many_decimals_or_not_positive_is_AMOUNT_INVALID(string amount, string currency, string country)
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var order = PayerMaxClient.Order("AMT_1", 1m, currency, country);
        order["totalAmount"] = JsonNode.Parse(amount);

        var answer = await new PayerMaxClient(sim).CallAsync("orderAndPay", order);

        Assert.Equal("AMOUNT_INVALID", answer.Code);
    }

    [Fact]
    public async Task Amounts_are_read_exactly_in_major_units_including_numeric_strings()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        var kwd = PayerMaxClient.Order("AMT_2", 0m, "KWD", "KW");
        kwd["totalAmount"] = JsonNode.Parse("12.35");
        var idr = PayerMaxClient.Order("AMT_3", 0m, "IDR", "ID");
        idr["totalAmount"] = "150000";
        await client.CreateOrderAsync(kwd);
        await client.CreateOrderAsync(idr);

        Assert.Equal(12.35m, (await client.QueryAsync("AMT_2")).Number("totalAmount"));
        Assert.Equal(150000m, (await client.QueryAsync("AMT_3")).Number("totalAmount"));
    }

    [Theory]
    [InlineData("BILL_PAYMENT", null, 49.99, "AMOUNT_LIMIT_MINIMUM")]
    [InlineData("BILL_PAYMENT", null, 50000.01, "AMOUNT_LIMIT_MAXIMUM")]
    [InlineData("BILL_PAYMENT", null, 50, "APPLY_SUCCESS")]
    [InlineData("WALLET", "GCASH", 100, "APPLY_SUCCESS")]
    [InlineData("WALLET", "DANA", 100, "PAYMENT_METHOD_NOT_EXIST")]
    [InlineData("CRYPTO", null, 100, "PAYMENT_METHOD_NOT_EXIST")]
    public async Task A_preselected_method_must_exist_in_the_country_and_take_the_amount(string type, string? targetOrg, double amount, string code)
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var order = PayerMaxClient.Order("MTH_1", (decimal)amount);
        order["paymentDetail"] = new JsonObject { ["paymentMethodType"] = type, ["targetOrg"] = targetOrg };

        var answer = await new PayerMaxClient(sim).CallAsync("orderAndPay", order);

        Assert.Equal(code, answer.Code);
    }

    [Fact]
    public async Task A_card_amount_over_the_Kuwait_card_limit_is_AMOUNT_LIMIT_MAXIMUM()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var order = PayerMaxClient.Order("MTH_2", 1700.01m, "KWD", "KW");
        order["paymentDetail"] = new JsonObject { ["paymentMethodType"] = "CARD" };

        var answer = await new PayerMaxClient(sim).CallAsync("orderAndPay", order);

        Assert.Equal("AMOUNT_LIMIT_MAXIMUM", answer.Code);
    }

    [Theory]
    [InlineData("outTradeNo", "\"has-dash\"", "outTradeNo")]
    [InlineData("outTradeNo", "\"with space\"", "outTradeNo")]
    [InlineData("outTradeNo", "\"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLM\"", "outTradeNo")]
    [InlineData("integrate", "\"Direct_Payment\"", "integrate")]
    [InlineData("subject", "42", "subject")]
    [InlineData("notifyUrl", "\"ftp://merchant.test/notify\"", "notifyUrl")]
    [InlineData("expireTime", "\"soon\"", "expireTime")]
    [InlineData("paymentDetail", "\"WALLET\"", "paymentDetail")]
    [InlineData("paymentDetail", "{\"targetOrg\":\"GCASH\"}", "paymentMethodType")]
    public async Task A_malformed_field_is_PARAMS_INVALID_naming_it(string field, string json, string named)
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var order = PayerMaxClient.Order("BAD_1");
        order[field] = JsonNode.Parse(json);

        var answer = await new PayerMaxClient(sim).CallAsync("orderAndPay", order);

        Assert.Equal("PARAMS_INVALID", answer.Code);
        Assert.Contains(named, answer.Msg, StringComparison.Ordinal);
    }
}
