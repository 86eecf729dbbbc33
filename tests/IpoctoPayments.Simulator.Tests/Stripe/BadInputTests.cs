using System.Net;
using System.Text;
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
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/checkout/sessions", UriKind.Relative));

        var (status, error) = await sim.StripeErrorAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("application/json", "{\"mode\":\"payment\"}")]
    [InlineData("application/x-www-form-urlencoded", "%%%&&&==")]
    [InlineData("text/plain", "\u0000\u0001garbage")]
    public async Task A_malformed_body_is_answered_in_Stripes_format_never_500(string contentType, string body)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var request = StripeTestKit.Raw(HttpMethod.Post, "/v1/checkout/sessions");
        request.Content = new StringContent(body, Encoding.UTF8, contentType);

        var (status, error) = await sim.StripeErrorAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("GET", "/v1/customers")]
    [InlineData("POST", "/v1/payment_intents/pi_missing")]
    [InlineData("GET", "/v1/payment_intents/pi_missing")]
    [InlineData("GET", "/v1/refunds/re_missing")]
    [InlineData("GET", "/v1/events/evt_missing")]
    public async Task Unknown_endpoints_and_ids_are_404_resource_missing(string method, string path)
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var (status, error) = await sim.StripeErrorAsync(StripeTestKit.Raw(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("resource_missing", error.GetProperty("code").GetString());
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

        var (status, error) = await sim.StripeErrorAsync(StripeTestKit.Raw(HttpMethod.Get, path));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(param, error.GetProperty("param").GetString());
    }
}
