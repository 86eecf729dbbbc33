using System.Net;
using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Core;

namespace IpoctoPayments.Simulator.Tests.PayerMax;

public sealed class GatewayEnvelopeTests
{
    [Fact]
    public async Task Answers_are_signed_with_the_simulators_key_over_the_exact_bytes()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var answer = await new PayerMaxClient(sim).CallAsync("orderAndPay", PayerMaxClient.Order("ENV_1"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("APPLY_SUCCESS", answer.Code);
        Assert.True(answer.SignatureValid);
    }

    [Fact]
    public async Task A_body_signed_with_another_key_is_SIGN_VERIFY_FAILED()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        var body = new JsonObject
        {
            ["version"] = "1.4", ["keyVersion"] = "1", ["appId"] = PayerMaxClient.AppId, ["merchantNo"] = PayerMaxClient.MerchantNo,
            ["requestTime"] = sim.Clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture),
            ["data"] = PayerMaxClient.Order("ENV_2"),
        }.ToJsonString();
        var otherKey = PayerMaxFixture.ForeignPrivateKey;

        var wrongKey = await client.SendAsync("orderAndPay", body, PayerMaxClient.Sign(body, otherKey));
        var tampered = await client.SendAsync("orderAndPay", body.Replace("\"totalAmount\":100", "\"totalAmount\":1", StringComparison.Ordinal), PayerMaxClient.Sign(body, sim.MerchantPrivateKey));
        var missing = await client.SendAsync("orderAndPay", body, sign: null);

        Assert.All([wrongKey, tampered, missing], a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.Status);
            Assert.Equal("SIGN_VERIFY_FAILED", a.Code);
            Assert.True(a.SignatureValid);
        });
        Assert.Equal("[]", await sim.Http.GetStringAsync("/_simulator/payermax/orders"));
    }

    [Fact]
    public async Task A_wrong_appId_is_MERCHANT_APP_INVALID_and_a_wrong_merchantNo_MERCHANT_INVALID()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);

        var app = await client.CallAsync("orderAndPay", PayerMaxClient.Order("ENV_3"), e => e["appId"] = "someone_else");
        var merchant = await client.CallAsync("orderAndPay", PayerMaxClient.Order("ENV_4"), e => e["merchantNo"] = "SIM999");

        Assert.Equal("MERCHANT_APP_INVALID", app.Code);
        Assert.Equal("MERCHANT_INVALID", merchant.Code);
    }

    [Fact]
    public async Task A_requestTime_more_than_two_minutes_off_is_REQUEST_TIMEOUT_and_a_badly_formatted_one_PARAMS_INVALID()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        var stale = sim.Clock.GetUtcNow().AddMinutes(-3).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
        var nearEdge = sim.Clock.GetUtcNow().AddSeconds(-110).ToOffset(TimeSpan.FromHours(8))
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);

        var old = await client.CallAsync("orderAndPay", PayerMaxClient.Order("ENV_5"), e => e["requestTime"] = stale);
        var unformatted = await client.CallAsync("orderAndPay", PayerMaxClient.Order("ENV_6"), e => e["requestTime"] = "2026-01-01 10:00:00");
        var withinWindow = await client.CallAsync("orderAndPay", PayerMaxClient.Order("ENV_7"), e => e["requestTime"] = nearEdge);

        Assert.Equal("REQUEST_TIMEOUT", old.Code);
        Assert.Equal("PARAMS_INVALID", unformatted.Code);
        Assert.Contains("requestTime", unformatted.Msg, StringComparison.Ordinal);
        Assert.Equal("APPLY_SUCCESS", withinWindow.Code);
    }

    [Theory]
    [InlineData("version", "1.0")]
    [InlineData("keyVersion", "2")]
    public async Task An_unsupported_version_or_keyVersion_is_PARAMS_INVALID(string field, string value)
    {
        await using var sim = await PayerMaxFixture.StartAsync();

        var answer = await new PayerMaxClient(sim).CallAsync("orderAndPay", PayerMaxClient.Order("ENV_8"), e => e[field] = value);

        Assert.Equal("PARAMS_INVALID", answer.Code);
        Assert.Contains(field, answer.Msg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_JSON_is_PARAMS_INVALID_with_HTTP_200_not_a_server_error()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        const string body = "{\"version\":\"1.4\",";

        var answer = await new PayerMaxClient(sim).SendAsync("orderAndPay", body, PayerMaxClient.Sign(body, sim.MerchantPrivateKey));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("PARAMS_INVALID", answer.Code);
        Assert.True(answer.SignatureValid);
    }

    [Fact]
    public async Task A_missing_data_object_is_PARAMS_INVALID()
    {
        await using var sim = await PayerMaxFixture.StartAsync();

        var answer = await new PayerMaxClient(sim).CallAsync("orderQuery", [], e => e.Remove("data"));

        Assert.Equal("PARAMS_INVALID", answer.Code);
        Assert.Contains("data", answer.Msg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_apiName_is_a_PayerMax_error()
    {
        await using var sim = await PayerMaxFixture.StartAsync();

        var answer = await new PayerMaxClient(sim).CallAsync("paymentCancel", []);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("PARAMS_INVALID", answer.Code);
        Assert.Contains("paymentCancel", answer.Msg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outage_answers_SYSTEM_ERROR_for_the_next_call_then_recovers()
    {
        await using var sim = await PayerMaxFixture.StartAsync();
        var client = new PayerMaxClient(sim);
        sim.Service<FaultPlan>().SetGlobal(new FaultSettings { PayerMax = new ApiFault { FailNextCalls = 1 } });

        var down = await client.CallAsync("orderAndPay", PayerMaxClient.Order("ENV_9"));
        var up = await client.CallAsync("orderAndPay", PayerMaxClient.Order("ENV_9"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("SYSTEM_ERROR", down.Code);
        Assert.True(down.SignatureValid);
        Assert.Equal("APPLY_SUCCESS", up.Code);
    }
}
