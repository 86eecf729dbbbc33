using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IpoctoPayments.Bench;

/// <summary>A top-up the bench created: the order a webhook will pay, and the account its credit goes to.</summary>
internal sealed record BenchOrder(Guid Id, bool Stripe, int Account);

/// <summary>
/// The requests of both scenarios, as the console and the providers send them: top-ups for 10.00 USD from the bench's
/// accounts in turn (Stripe card in the US and PayerMax GCash in the Philippines, alternately), and the providers'
/// signed "paid" webhooks for those orders.
/// </summary>
internal sealed class PaymentsTraffic(HttpClient http, BenchKeys keys, BenchAccounts accounts)
{
    public const long OrderMinorUnits = 1000;

    private static readonly byte[] StripeTopUp = Body("stripe", "US", "card");
    private static readonly byte[] PayerMaxTopUp = Body("payermax", "PH", "gcash");

    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private long created;

    /// <summary>Every order created so far, in no particular order.</summary>
    public ConcurrentBag<BenchOrder> Orders { get; } = [];

    /// <summary>POST /api/v1/topups, as the console sends it; the order joins <see cref="Orders"/>.</summary>
    public async Task<Attempt> CreateTopUpAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref created);
        var stripe = n % 2 == 0;
        var account = (int)(n % accounts.Count);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/topups") { Content = new ByteArrayContent(stripe ? StripeTopUp : PayerMaxTopUp) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accounts.Token(account));
        request.Headers.Add("Idempotency-Key", string.Create(CultureInfo.InvariantCulture, $"bench-{run}-{n}"));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return Attempt.Failed($"create {(int)response.StatusCode} {await CodeOf(response)}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        Orders.Add(new BenchOrder(json.RootElement.GetProperty("id").GetGuid(), stripe, account));
        return Attempt.Ok;
    }

    /// <summary>The provider's "paid" webhook for an order, with its signature; Stripe's is signed when sent, as its timestamp is checked.</summary>
    public Webhook PaidWebhook(BenchOrder order) => order.Stripe ? StripeWebhook(order) : PayerMaxWebhook(order);

    public async Task<Attempt> SendAsync(Webhook webhook, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Path) { Content = new ByteArrayContent(webhook.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(webhook.SignatureHeader, webhook.Signature ?? keys.StripeSignature(webhook.Body, DateTimeOffset.UtcNow));
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode == HttpStatusCode.OK ? Attempt.Ok : Attempt.Failed($"webhook {(int)response.StatusCode} {await CodeOf(response)}");
    }

    /// <summary>
    /// The client all of a run's requests share: one request after the other to each API instance in turn, up to a
    /// connection per request in flight to each.
    /// </summary>
    public static HttpClient Client(IReadOnlyList<Uri> instances, int concurrency) =>
        new(new RoundRobinHandler(instances, concurrency))
        {
            BaseAddress = instances[0],
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>The <c>code</c> of a problem answer, or empty.</summary>
    public static async Task<string> CodeOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("code", out var code) ? code.ToString() : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static Webhook StripeWebhook(BenchOrder order)
    {
        var id = order.Id.ToString("N");
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["id"] = $"evt_bench_{id}",
            ["object"] = "event",
            ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = "checkout.session.completed",
            ["data"] = new Dictionary<string, object?>
            {
                ["object"] = new Dictionary<string, object?>
                {
                    ["id"] = $"cs_test_bench_{id}",
                    ["object"] = "checkout.session",
                    ["amount_total"] = OrderMinorUnits,
                    ["currency"] = "usd",
                    ["client_reference_id"] = order.Id.ToString(),
                    ["metadata"] = new Dictionary<string, string> { ["topup_id"] = order.Id.ToString() },
                    ["mode"] = "payment",
                    ["payment_intent"] = $"pi_bench_{id}",
                    ["payment_status"] = "paid",
                    ["status"] = "complete",
                },
            },
        });
        return new Webhook("/webhooks/stripe", body, "Stripe-Signature", null);
    }

    private Webhook PayerMaxWebhook(BenchOrder order)
    {
        var id = order.Id.ToString("N");
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["code"] = "APPLY_SUCCESS",
            ["msg"] = "",
            ["keyVersion"] = "1",
            ["appId"] = BenchKeys.AppId,
            ["merchantNo"] = BenchKeys.MerchantNo,
            ["notifyTime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["notifyType"] = "PAYMENT",
            ["data"] = new Dictionary<string, object?>
            {
                ["outTradeNo"] = id,
                ["tradeToken"] = $"T{id[..20]}",
                ["totalAmount"] = "562.50",
                ["currency"] = "PHP",
                ["country"] = "PH",
                ["status"] = "SUCCESS",
                ["paymentDetails"] = new[] { new Dictionary<string, string> { ["paymentMethodType"] = "WALLET", ["targetOrg"] = "GCASH" } },
            },
        });
        return new Webhook("/webhooks/payermax", body, "sign", keys.PayerMaxSign(body));
    }

    private static byte[] Body(string provider, string country, string method) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        amount = new { amount = "10.00", currency = "USD" },
        provider,
        country,
        paymentMethod = method,
        returnUrl = $"{BenchKeys.ConsoleOrigin}/billing",
    });
}

/// <summary>One webhook request: where it goes, its exact body, and its signature header (null: Stripe's, made at send time).</summary>
internal sealed record Webhook(string Path, byte[] Body, string SignatureHeader, string? Signature);
