using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using IpoctoPayments.Simulator.Tests.Support;
using Stripe;
using Stripe.Checkout;

namespace IpoctoPayments.Simulator.Tests.Stripe;

/// <summary>Shared moves of the Stripe tests: open a session with Stripe.net, pay it, read the webhooks that came.</summary>
internal static class StripeTestKit
{
    public const string SuccessUrl = "https://merchant.test/topups/done?session={CHECKOUT_SESSION_ID}";
    public const string CancelUrl = "https://merchant.test/topups/cancelled";

    public static SessionCreateOptions SessionOptions(long unitAmount = 2000, string currency = "usd", params string[] allowedTypes) => new()
    {
        Mode = "payment",
        LineItems =
        [
            new SessionLineItemOptions
            {
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = currency,
                    UnitAmount = unitAmount,
                    ProductData = new SessionLineItemPriceDataProductDataOptions { Name = "Balance top-up" },
                },
                Quantity = 1,
            },
        ],
        SuccessUrl = SuccessUrl,
        CancelUrl = CancelUrl,
        ClientReferenceId = "order-42",
        Metadata = new Dictionary<string, string> { ["topup_id"] = "42" },
        PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string> { ["topup_id"] = "42" } },
        AllowedPaymentMethodTypes = allowedTypes.Length == 0 ? null : [.. allowedTypes],
    };

    public static Task<Session> CreateSessionAsync(this SimulatorFixture sim, SessionCreateOptions? options = null) =>
        sim.StripeClient().V1.Checkout.Sessions.CreateAsync(options ?? SessionOptions());

    /// <summary>Pays through the control API, as a script without a browser would.</summary>
    public static async Task<JsonElement> ControlAsync(this SimulatorFixture sim, string path, object? body = null)
    {
        using var response = body is null
            ? await sim.Http.PostAsync(new Uri($"/_simulator/stripe/{path}", UriKind.Relative), null)
            : await sim.Http.PostAsJsonAsync(new Uri($"/_simulator/stripe/{path}", UriKind.Relative), body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    private static readonly ConditionalWeakTable<SimulatorFixture, List<Event>> Verified = [];

    /// <summary>
    /// Every Stripe webhook received so far, each verified as a merchant verifies it (300 s tolerance, API version
    /// check on) at the simulator clock's "now" when first seen here: call it after each step that moves the clock,
    /// as a merchant verifies each webhook when it arrives.
    /// </summary>
    public static List<Event> VerifiedEvents(this SimulatorFixture sim)
    {
        var verified = Verified.GetOrCreateValue(sim);
        var received = sim.Receiver.Received.Where(w => w.Url.AbsoluteUri == SimulatorFixture.StripeWebhookUrl).ToList();
        foreach (var webhook in received.Skip(verified.Count))
        {
            verified.Add(EventUtility.ConstructEvent(
                webhook.Body, webhook.Header("Stripe-Signature"), SimulatorFixture.StripeWebhookSecret, 300, sim.Clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: true));
        }

        return [.. verified];
    }

    public static List<string> EventTypes(this SimulatorFixture sim) => [.. sim.VerifiedEvents().Select(e => e.Type)];

    /// <summary>A raw call with the test secret key, for what Stripe.net hides (headers, malformed bodies).</summary>
    public static HttpRequestMessage Raw(HttpMethod method, string path, string? formBody = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SimulatorFixture.SecretKey);
        if (formBody is not null)
        {
            request.Content = new StringContent(formBody, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    /// <summary>Sends a raw request that should fail and reads Stripe's error envelope from the answer.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Error)> StripeErrorAsync(this SimulatorFixture sim, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await sim.Http.SendAsync(request);
            Assert.True(response.Headers.Contains("Request-Id"));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (response.StatusCode, body.GetProperty("error"));
        }
    }

    public const string MinimalSessionForm =
        "mode=payment&success_url=https%3A%2F%2Fmerchant.test%2Fok&line_items[0][price_data][currency]=usd"
        + "&line_items[0][price_data][unit_amount]=1000&line_items[0][price_data][product_data][name]=Top-up&line_items[0][quantity]=1";
}
