using System.Net;
using IpoctoPayments.Simulator.Tests.Support;
using Stripe;
using Stripe.Checkout;

namespace IpoctoPayments.Simulator.Tests.Stripe;

public sealed class CheckoutSessionApiTests
{
    [Fact]
    public async Task Creating_a_session_returns_an_open_unpaid_session_with_a_hosted_page()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var session = await sim.CreateSessionAsync();

        Assert.StartsWith("cs_test_", session.Id, StringComparison.Ordinal);
        Assert.Equal("checkout.session", session.Object);
        Assert.Equal("open", session.Status);
        Assert.Equal("unpaid", session.PaymentStatus);
        Assert.Equal(2000, session.AmountTotal);
        Assert.Equal("usd", session.Currency);
        Assert.Equal("order-42", session.ClientReferenceId);
        Assert.Equal("42", session.Metadata["topup_id"]);
        Assert.Null(session.PaymentIntentId);
        Assert.Equal(["card"], session.PaymentMethodTypes);
        Assert.False(session.Livemode);
        Assert.Equal($"http://localhost/c/pay/{session.Id}", session.Url);
        Assert.Equal(sim.Clock.GetUtcNow().AddHours(24).ToUnixTimeSeconds(), new DateTimeOffset(session.ExpiresAt).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Get_with_expand_returns_the_payment_intent_once_the_customer_paid()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();
        await sim.ControlAsync($"sessions/{session.Id}/complete");

        var fetched = await sim.StripeClient().V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["payment_intent.latest_charge"] });

        Assert.Equal("complete", fetched.Status);
        Assert.Equal("paid", fetched.PaymentStatus);
        Assert.Null(fetched.Url);
        Assert.Equal("succeeded", fetched.PaymentIntent.Status);
        Assert.Equal(2000, fetched.PaymentIntent.AmountReceived);
        Assert.Equal("42", fetched.PaymentIntent.Metadata["topup_id"]);
        Assert.StartsWith("ch_", fetched.PaymentIntent.LatestChargeId, StringComparison.Ordinal);
        Assert.Equal("4242", fetched.PaymentIntent.LatestCharge.PaymentMethodDetails.Card.Last4);
    }

    [Fact]
    public async Task List_pages_newest_first_and_filters_by_payment_intent()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.StripeClient();
        var first = await sim.CreateSessionAsync();
        var second = await sim.CreateSessionAsync();
        var third = await sim.CreateSessionAsync();
        var paid = await sim.ControlAsync($"sessions/{second.Id}/complete");

        var page = await client.V1.Checkout.Sessions.ListAsync(new SessionListOptions { Limit = 2 });
        var next = await client.V1.Checkout.Sessions.ListAsync(new SessionListOptions { Limit = 2, StartingAfter = page.Data[^1].Id });
        var byIntent = await client.V1.Checkout.Sessions.ListAsync(new SessionListOptions { PaymentIntent = paid.GetProperty("payment_intent").GetProperty("id").GetString() });

        Assert.Equal([third.Id, second.Id], page.Data.Select(s => s.Id));
        Assert.True(page.HasMore);
        Assert.Equal([first.Id], next.Data.Select(s => s.Id));
        Assert.False(next.HasMore);
        Assert.Equal([second.Id], byIntent.Data.Select(s => s.Id));
    }

    [Fact]
    public async Task Expand_works_in_a_post_body_and_inside_list_items()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.StripeClient();
        var options = StripeTestKit.SessionOptions();
        options.Expand = ["payment_intent"];
        var created = await client.V1.Checkout.Sessions.CreateAsync(options);
        await sim.ControlAsync($"sessions/{created.Id}/complete");

        var listed = await client.V1.Checkout.Sessions.ListAsync(new SessionListOptions { Expand = ["data.payment_intent"] });

        Assert.Null(created.PaymentIntent);
        Assert.Equal("succeeded", listed.Data.Single().PaymentIntent.Status);
    }

    [Fact]
    public async Task Expiring_an_open_session_closes_it_and_a_second_expire_is_refused()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.StripeClient();
        var session = await sim.CreateSessionAsync();

        var expired = await client.V1.Checkout.Sessions.ExpireAsync(session.Id);
        var again = await Assert.ThrowsAsync<StripeException>(() => client.V1.Checkout.Sessions.ExpireAsync(session.Id));

        Assert.Equal("expired", expired.Status);
        Assert.Null(expired.Url);
        Assert.Equal(HttpStatusCode.BadRequest, again.HttpStatusCode);
        Assert.Equal("invalid_request_error", again.StripeError.Type);
        await sim.RunDueAsync();
        Assert.Equal(["checkout.session.expired"], sim.EventTypes());
    }

    [Fact]
    public async Task A_session_expires_by_itself_at_expires_at_on_the_clock()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var options = StripeTestKit.SessionOptions();
        options.ExpiresAt = sim.Clock.GetUtcNow().AddMinutes(45).UtcDateTime;
        var session = await sim.CreateSessionAsync(options);

        await sim.AdvanceAsync(TimeSpan.FromMinutes(44));
        Assert.Empty(sim.EventTypes());
        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));

        var fetched = await sim.StripeClient().V1.Checkout.Sessions.GetAsync(session.Id);
        Assert.Equal("expired", fetched.Status);
        var expired = Assert.Single(sim.VerifiedEvents());
        Assert.Equal("checkout.session.expired", expired.Type);
        Assert.Equal(session.Id, ((Session)expired.Data.Object).Id);
    }

    [Fact]
    public async Task Allowed_and_excluded_payment_method_types_shape_the_session()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var options = StripeTestKit.SessionOptions(currency: "eur", allowedTypes: ["card", "wechat_pay"]);
        var both = await sim.CreateSessionAsync(options);
        options.ExcludedPaymentMethodTypes = ["card"];
        var wechatOnly = await sim.CreateSessionAsync(options);

        Assert.Equal(["card", "wechat_pay"], both.PaymentMethodTypes);
        Assert.Equal(["wechat_pay"], wechatOnly.PaymentMethodTypes);
    }

    public static TheoryData<string, string, string> InvalidCreates => new()
    {
        { "mode=payment&success_url=https%3A%2F%2Fm.test%2Fok", "line_items", "parameter_missing" },
        { StripeTestKit.MinimalSessionForm.Replace("mode=payment&", "", StringComparison.Ordinal), "mode", "parameter_missing" },
        { StripeTestKit.MinimalSessionForm.Replace("success_url=https%3A%2F%2Fmerchant.test%2Fok&", "", StringComparison.Ordinal), "success_url", "parameter_missing" },
        { StripeTestKit.MinimalSessionForm + "&payment_method_types[0]=card", "payment_method_types", "parameter_unknown" },
        { StripeTestKit.MinimalSessionForm.Replace("=1000", "=-5", StringComparison.Ordinal), "line_items[0][price_data][unit_amount]", "parameter_invalid_integer" },
        { StripeTestKit.MinimalSessionForm.Replace("=1000", "=10.5", StringComparison.Ordinal), "line_items[0][price_data][unit_amount]", "parameter_invalid_integer" },
        { StripeTestKit.MinimalSessionForm.Replace("currency]=usd", "currency]=dollars", StringComparison.Ordinal), "line_items[0][price_data][currency]", "parameter_invalid_string" },
        { StripeTestKit.MinimalSessionForm + "&allowed_payment_method_types[0]=wechat_pay&line_items[0][price_data][currency]=brl", "allowed_payment_method_types", "payment_method_currency_mismatch" },
        { StripeTestKit.MinimalSessionForm + "&allowed_payment_method_types[0]=bitcoin", "allowed_payment_method_types[0]", "parameter_invalid_string" },
        { StripeTestKit.MinimalSessionForm + "&success_url=not-a-url", "success_url", "url_invalid" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task Invalid_create_parameters_answer_400_naming_the_param(string form, string param, string code)
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var (status, error) = await sim.StripeErrorAsync(StripeTestKit.Raw(HttpMethod.Post, "/v1/checkout/sessions", form));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(29)]
    [InlineData(24 * 60 + 1)]
    public async Task Expires_at_outside_30_minutes_to_24_hours_is_refused(int minutesAhead)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var options = StripeTestKit.SessionOptions();
        options.ExpiresAt = sim.Clock.GetUtcNow().AddMinutes(minutesAhead).UtcDateTime;

        var error = await Assert.ThrowsAsync<StripeException>(() => sim.CreateSessionAsync(options));

        Assert.Equal(HttpStatusCode.BadRequest, error.HttpStatusCode);
        Assert.Equal("expires_at", error.StripeError.Param);
    }

    [Fact]
    public async Task An_unknown_session_is_404_resource_missing()
    {
        await using var sim = await SimulatorFixture.StartAsync();

        var error = await Assert.ThrowsAsync<StripeException>(() => sim.StripeClient().V1.Checkout.Sessions.GetAsync("cs_test_nope"));

        Assert.Equal(HttpStatusCode.NotFound, error.HttpStatusCode);
        Assert.Equal("invalid_request_error", error.StripeError.Type);
        Assert.Equal("resource_missing", error.StripeError.Code);
        Assert.Contains("cs_test_nope", error.StripeError.Message, StringComparison.Ordinal);
    }
}
