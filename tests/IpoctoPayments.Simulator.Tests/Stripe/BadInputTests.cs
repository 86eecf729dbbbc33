using System.Net;
using System.Text;
using System.Text.Json;
using IpoctoPayments.Simulator.Tests.Support;
using Stripe;

namespace IpoctoPayments.Simulator.Tests.Stripe;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("pk_test_publishable")]
    [InlineData("sk_live_real_key")]
    [InlineData("nonsense")]
    public async Task A_key_that_is_not_a_test_secret_key_is_401(string key)
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var error = await Assert.ThrowsAsync<StripeException>(() => sim.StripeClient(apiKey: key).V1.Checkout.Sessions.ListAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.HttpStatusCode);
        Assert.Equal("invalid_request_error", error.StripeError.Type);
    }

    [Fact]
    public async Task A_configured_secret_key_is_the_only_one_accepted()
    {
        await using var sim = await SimulatorFixture.StartAsync(new Dictionary<string, string?> { ["Simulator:Stripe:SecretKey"] = "sk_test_only_this" });

        var error = await Assert.ThrowsAsync<StripeException>(() => sim.StripeClient().V1.Events.ListAsync());
        var list = await sim.StripeClient(apiKey: "sk_test_only_this").V1.Events.ListAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, error.HttpStatusCode);
        Assert.Empty(list.Data);
    }

    [Fact]
    public async Task No_key_at_all_is_401_with_Stripes_envelope()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        using var response = await sim.Http.GetAsync(new Uri("/v1/checkout/sessions", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_request_error", body.RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.True(response.Headers.Contains("Request-Id"));
    }

    [Theory]
    [InlineData("application/json", "{\"mode\":\"payment\"}")]
    [InlineData("application/x-www-form-urlencoded", "%%%&&&==")]
    [InlineData("text/plain", "\u0000\u0001garbage")]
    public async Task A_malformed_body_is_answered_in_Stripes_format_never_500(string contentType, string body)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        using var request = StripeTestKit.Raw(HttpMethod.Post, "/v1/checkout/sessions");
        request.Content = new StringContent(body, Encoding.UTF8, contentType);

        using var response = await sim.Http.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request_error", json.RootElement.GetProperty("error").GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_unknown_endpoint_is_404_in_Stripes_format()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        using var response = await sim.Http.SendAsync(StripeTestKit.Raw(HttpMethod.Get, "/v1/customers"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("resource_missing", json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("/v1/payment_intents/pi_missing")]
    [InlineData("/v1/refunds/re_missing")]
    [InlineData("/v1/events/evt_missing")]
    public async Task Unknown_ids_are_404_resource_missing(string path)
    {
        await using var sim = await SimulatorFixture.StartAsync();

        using var response = await sim.Http.SendAsync(StripeTestKit.Raw(HttpMethod.Get, path));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("resource_missing", json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Stripe_net_sees_an_unknown_payment_intent_as_404()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var error = await Assert.ThrowsAsync<StripeException>(() => sim.StripeClient().V1.PaymentIntents.GetAsync("pi_missing"));

        Assert.Equal(HttpStatusCode.NotFound, error.HttpStatusCode);
        Assert.Equal("resource_missing", error.StripeError.Code);
    }

    [Theory]
    [InlineData("/v1/checkout/sessions?limit=0", "limit")]
    [InlineData("/v1/checkout/sessions?limit=abc", "limit")]
    [InlineData("/v1/checkout/sessions?starting_after=cs_test_unknown", "starting_after")]
    [InlineData("/v1/checkout/sessions?expand[]=customer", "expand")]
    public async Task Bad_list_parameters_are_400_naming_the_param(string path, string param)
    {
        await using var sim = await SimulatorFixture.StartAsync();

        using var response = await sim.Http.SendAsync(StripeTestKit.Raw(HttpMethod.Get, path));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(param, json.RootElement.GetProperty("error").GetProperty("param").GetString());
    }
}
