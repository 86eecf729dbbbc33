using System.Net;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Tests.Support;
using QRCoder;
using Stripe;
using Stripe.Checkout;

namespace IpoctoPayments.Simulator.Tests.Stripe;

public sealed class HostedCheckoutPageTests
{
    private static async Task<HttpResponseMessage> PostFormAsync(SimulatorFixture sim, string path, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await sim.Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static Task<HttpResponseMessage> PayByCardAsync(SimulatorFixture sim, string sessionId, string number, string expiry = "12 / 34", string cvc = "123") =>
        PostFormAsync(sim, $"/c/pay/{sessionId}/card", ("card_number", number), ("card_expiry", expiry), ("card_cvc", cvc));

    /// <summary>QRCoder is deterministic: the same text gives the same image, so equal bytes mean the code holds that URL.</summary>
    private static byte[] QrPng(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return png.GetGraphic(8);
    }

    [Fact]
    public async Task The_page_shows_the_amount_the_item_the_card_form_and_a_cancel_link()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var options = StripeTestKit.SessionOptions(1999);
        options.LineItems[0].PriceData.ProductData.Name = "<b>Top-up</b>";
        var session = await sim.CreateSessionAsync(options);

        var html = await sim.Http.GetStringAsync(new Uri(session.Url));

        Assert.Contains("USD 19.99", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Top-up&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Top-up</b>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"card_number\">Card number</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"card_expiry\">Expiration date</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"card_cvc\">CVC</label>", html, StringComparison.Ordinal);
        Assert.Contains(">Pay</button>", html, StringComparison.Ordinal);
        Assert.Contains(">Apple Pay</button>", html, StringComparison.Ordinal);
        Assert.Contains(">Google Pay</button>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{StripeTestKit.CancelUrl}\">Cancel</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("WeChat Pay", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4242 4242 4242 4242", "visa", "4242")]
    [InlineData("5555 5555 5555 4444", "mastercard", "4444")]
    [InlineData("3782 822463 10005", "amex", "0005")]
    public async Task A_success_card_pays_and_redirects_to_the_success_url(string number, string brand, string last4)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();

        using var response = await PayByCardAsync(sim, session.Id, number, cvc: brand == "amex" ? "1234" : "123");
        await sim.RunDueAsync();

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"https://merchant.test/topups/done?session={session.Id}", response.Headers.Location!.ToString());
        var paid = await sim.StripeClient().V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["payment_intent.latest_charge"] });
        Assert.Equal("paid", paid.PaymentStatus);
        Assert.Equal("complete", paid.Status);
        var card = paid.PaymentIntent.LatestCharge.PaymentMethodDetails.Card;
        Assert.Equal(brand, card.Brand);
        Assert.Equal(last4, card.Last4);
        Assert.Equal(["payment_intent.succeeded", "checkout.session.completed"], sim.EventTypes());
        Assert.All(sim.Receiver.Received, w => Assert.DoesNotContain(number.Replace(" ", "", StringComparison.Ordinal), w.Body, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("4000000000000002", "card_declined", "generic_decline", "Your card was declined.")]
    [InlineData("4000000000009995", "card_declined", "insufficient_funds", "Your card has insufficient funds.")]
    [InlineData("4000000000009987", "card_declined", "lost_card", "Your card was declined.")]
    [InlineData("4000000000009979", "card_declined", "stolen_card", "Your card was declined.")]
    [InlineData("4000000000000069", "expired_card", "expired_card", "Your card has expired.")]
    [InlineData("4000000000000127", "incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect.")]
    [InlineData("4000000000000119", "processing_error", "processing_error", "An error occurred while processing your card.")]
    [InlineData("4242424242424241", "incorrect_number", null, "Your card number is incorrect.")]
    public async Task A_declining_card_keeps_the_customer_on_the_page_and_records_the_attempt(string number, string code, string? declineCode, string message)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();

        using var response = await PayByCardAsync(sim, session.Id, number);
        var html = await response.Content.ReadAsStringAsync();
        await sim.RunDueAsync();

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains(message, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains(">Pay</button>", html, StringComparison.Ordinal);
        var fetched = await sim.StripeClient().V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["payment_intent"] });
        Assert.Equal("open", fetched.Status);
        Assert.Equal("requires_payment_method", fetched.PaymentIntent.Status);
        Assert.Equal("card_error", fetched.PaymentIntent.LastPaymentError.Type);
        Assert.Equal(code, fetched.PaymentIntent.LastPaymentError.Code);
        Assert.Equal(declineCode, fetched.PaymentIntent.LastPaymentError.DeclineCode);
        var failed = Assert.Single(sim.VerifiedEvents());
        Assert.Equal("payment_intent.payment_failed", failed.Type);
        Assert.Equal(code, ((PaymentIntent)failed.Data.Object).LastPaymentError.Code);
    }

    [Fact]
    public async Task After_a_decline_the_customer_can_retry_with_another_card_on_the_same_payment_intent()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();

        using var declined = await PayByCardAsync(sim, session.Id, "4000000000009995");
        using var paid = await PayByCardAsync(sim, session.Id, "4242424242424242");

        Assert.Equal(HttpStatusCode.SeeOther, paid.StatusCode);
        var intents = await sim.StripeClient().V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["payment_intent"] });
        Assert.Equal("succeeded", intents.PaymentIntent.Status);
        Assert.Null(intents.PaymentIntent.LastPaymentError);
    }

    [Fact]
    public async Task The_3d_secure_card_asks_for_confirmation_before_it_pays()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();

        using var challenge = await PayByCardAsync(sim, session.Id, "4000 0000 0000 3220");
        var html = await challenge.Content.ReadAsStringAsync();
        var waiting = await sim.StripeClient().V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["payment_intent"] });
        using var confirmed = await PostFormAsync(sim, $"/c/pay/{session.Id}/authenticate", ("action", "complete"));

        Assert.Contains("3D Secure", html, StringComparison.Ordinal);
        Assert.Contains(">Complete authentication</button>", html, StringComparison.Ordinal);
        Assert.Equal("requires_action", waiting.PaymentIntent.Status);
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal("paid", (await sim.StripeClient().V1.Checkout.Sessions.GetAsync(session.Id)).PaymentStatus);
    }

    [Fact]
    public async Task Failing_3d_secure_declines_with_an_authentication_failure()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();

        using var challenge = await PayByCardAsync(sim, session.Id, "4000000000003220");
        using var failed = await PostFormAsync(sim, $"/c/pay/{session.Id}/authenticate", ("action", "fail"));

        Assert.Equal(HttpStatusCode.PaymentRequired, failed.StatusCode);
        var intent = (await sim.StripeClient().V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["payment_intent"] })).PaymentIntent;
        Assert.Equal("payment_intent_authentication_failure", intent.LastPaymentError.Code);
    }

    [Theory]
    [InlineData("apple_pay")]
    [InlineData("google_pay")]
    public async Task A_wallet_button_pays_with_a_card_carrying_the_wallet_type(string wallet)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();

        using var response = await PostFormAsync(sim, $"/c/pay/{session.Id}/wallet", ("wallet", wallet));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var paid = await sim.StripeClient().V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["payment_intent.latest_charge"] });
        Assert.Equal(wallet, paid.PaymentIntent.LatestCharge.PaymentMethodDetails.Card.Wallet.Type);
    }

    [Fact]
    public async Task WeChat_Pay_shows_a_png_qr_code_and_a_scan_completes_the_payment()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync(StripeTestKit.SessionOptions(currency: "cny", allowedTypes: ["wechat_pay"]));

        var html = await sim.Http.GetStringAsync(new Uri(session.Url));
        var png = await sim.Http.GetByteArrayAsync(new Uri($"/c/pay/{session.Id}/wechat.png", UriKind.Relative));
        var phone = await sim.Http.GetStringAsync(new Uri($"/c/pay/{session.Id}/wechat/scan", UriKind.Relative));
        using var scanned = await PostFormAsync(sim, $"/c/pay/{session.Id}/wechat/scan");

        Assert.Contains("alt=\"WeChat Pay QR code\"", html, StringComparison.Ordinal);
        Assert.Contains(">Simulate scan</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Card number", html, StringComparison.Ordinal);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(QrPng($"http://localhost/c/pay/{session.Id}/wechat/scan"), png);
        Assert.Contains("CNY 20.00", phone, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, scanned.StatusCode);
        var paid = await sim.StripeClient().V1.Checkout.Sessions.GetAsync(session.Id, new SessionGetOptions { Expand = ["payment_intent.latest_charge"] });
        Assert.Equal("paid", paid.PaymentStatus);
        Assert.Equal("wechat_pay", paid.PaymentIntent.LatestCharge.PaymentMethodDetails.Type);
    }

    [Theory]
    [InlineData("4242", "12 / 34", "123", "Your card number is incomplete.")]
    [InlineData("4242424242424242", "13 / 34", "123", "Your card's expiration date is incomplete.")]
    [InlineData("4242424242424242", "01 / 20", "123", "Your card's expiration date is in the past.")]
    [InlineData("4242424242424242", "12 / 34", "1", "Your card's security code is incomplete.")]
    public async Task Incomplete_card_fields_are_caught_before_any_attempt(string number, string expiry, string cvc, string message)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();

        using var response = await PayByCardAsync(sim, session.Id, number, expiry, cvc);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null((await sim.StripeClient().V1.Checkout.Sessions.GetAsync(session.Id)).PaymentIntentId);
    }

    [Fact]
    public async Task With_a_bank_sync_delay_the_customer_is_told_the_payment_could_not_be_confirmed()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Service<FaultPlan>().SetGlobal(new FaultSettings { BankSyncDelay = TimeSpan.FromMinutes(10) });
        var session = await sim.CreateSessionAsync();

        using var response = await PayByCardAsync(sim, session.Id, "4242424242424242");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("We could not confirm your payment with your bank.", html, StringComparison.Ordinal);
        Assert.Contains("This checkout session has expired", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_or_completed_session_shows_a_clear_page_not_an_error()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var expired = await sim.CreateSessionAsync();
        var paid = await sim.CreateSessionAsync();
        await sim.StripeClient().V1.Checkout.Sessions.ExpireAsync(expired.Id);
        await sim.ControlAsync($"sessions/{paid.Id}/complete");

        using var expiredPage = await sim.Http.GetAsync(new Uri(expired.Url));
        using var paidPage = await sim.Http.GetAsync(new Uri(paid.Url));
        using var payAgain = await PayByCardAsync(sim, paid.Id, "4242424242424242");
        using var unknown = await sim.Http.GetAsync(new Uri("/c/pay/cs_test_unknown", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, expiredPage.StatusCode);
        Assert.Contains("This checkout session has expired", await expiredPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Payment complete", await paidPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Payment complete", await payAgain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Checkout session not found", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
