using System.Text.Json;

namespace IpoctoPayments.Testing;

/// <summary>The console's "Balance Top-up" requests, and what the tests read from the order it answers with.</summary>
public static class TopUpRequest
{
    /// <summary>The console the tests' API takes return addresses under (<c>TopUps:ReturnOrigins</c>).</summary>
    public const string ConsoleOrigin = "https://console.ipocto.test";

    public const string ReturnUrl = $"{ConsoleOrigin}/topups";

    public static object StripeCard(string amount = "20.00") => For("stripe", "US", "card", amount);

    public static object PayerMaxGcash(string amount = "10.00") => For("payermax", "PH", "gcash", amount);

    /// <summary>An amount (in the balance currency unless told) through a provider's method; the provider picks when there is none.</summary>
    public static object For(string provider, string country, string? paymentMethod, string amount, string currency = "USD", string returnUrl = ReturnUrl) => new
    {
        amount = new { amount, currency },
        provider,
        country,
        paymentMethod,
        returnUrl,
    };

    public static string Id(this JsonElement topUp) => topUp.GetProperty("id").GetString()!;

    public static string Status(this JsonElement topUp) => topUp.GetProperty("status").GetString()!;

    public static string OrderNumber(this JsonElement topUp) => topUp.GetProperty("orderNumber").GetString()!;

    public static Uri PaymentUrl(this JsonElement topUp) => new(topUp.GetProperty("paymentUrl").GetString()!);

    /// <summary>The Stripe Checkout Session behind a top-up: the last segment of its payment page.</summary>
    public static string SessionId(this JsonElement topUp) => topUp.PaymentUrl().Segments[^1];

    /// <summary>PayerMax's outTradeNo for a top-up: its id without dashes.</summary>
    public static string OutTradeNo(this JsonElement topUp) => Guid.Parse(topUp.Id()).ToString("N");
}
