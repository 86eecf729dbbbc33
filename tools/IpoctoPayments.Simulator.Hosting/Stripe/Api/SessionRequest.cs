using System.Text.RegularExpressions;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Stripe.Model;
using IpoctoPayments.Simulator.Stripe.Pages;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary>Reads and validates <c>POST /v1/checkout/sessions</c> as Stripe does on API version endive.</summary>
internal static partial class SessionRequest
{
    public static readonly TimeSpan MinimumLifetime = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromHours(24);

    /// <summary>Payment method types the simulator's hosted page can take.</summary>
    private static readonly string[] Supported = ["card", "wechat_pay"];

    private static readonly HashSet<string> WeChatPayCurrencies =
        new(["aud", "cad", "cny", "eur", "gbp", "hkd", "jpy", "sgd", "usd", "dkk", "nok", "sek", "chf"], StringComparer.Ordinal);

    public static CheckoutSession Read(StripeParams p, SimulatorIds ids, DateTimeOffset now, string baseUrl)
    {
        if (p.Has("payment_method_types"))
        {
            throw new StripeErrorException(StripeError.InvalidRequest(
                "Received unknown parameter: payment_method_types. It was removed in API version 2026-09-30.endive; use allowed_payment_method_types or excluded_payment_method_types instead.",
                "payment_method_types",
                "parameter_unknown"));
        }

        var mode = p.Required("mode");
        if (mode != "payment")
        {
            throw new StripeErrorException(mode is "setup" or "subscription"
                ? StripeError.InvalidRequest($"The simulator supports mode=payment only, not '{mode}'.", "mode", "parameter_invalid_string")
                : StripeError.InvalidRequest($"Invalid mode: must be one of payment, setup, or subscription.", "mode", "parameter_invalid_string"));
        }

        var lineItems = ReadLineItems(p, out var currency);
        var successUrl = Url(p, "success_url", required: true)!;
        var cancelUrl = Url(p, "cancel_url", required: false);
        var expiresAt = ExpiresAt(p, now);
        var id = ids.Next("cs_test_", 58);
        return new CheckoutSession
        {
            Id = id,
            Created = now.ToUnixTimeSeconds(),
            Currency = currency,
            LineItems = lineItems,
            SuccessUrl = successUrl,
            CancelUrl = cancelUrl,
            ClientReferenceId = p.String("client_reference_id"),
            CustomerEmail = p.String("customer_email"),
            Metadata = p.Map("metadata"),
            PaymentIntentMetadata = p.Map("payment_intent_data[metadata]"),
            PaymentMethodTypes = PaymentMethodTypes(p, currency),
            ExpiresAt = expiresAt,
            PageUrl = baseUrl + CheckoutEndpoints.PagePath(id),
        };
    }

    private static List<LineItem> ReadLineItems(StripeParams p, out string currency)
    {
        var indices = p.Indices("line_items");
        if (indices.Count == 0)
        {
            throw new StripeErrorException(StripeError.InvalidRequest("You must specify `line_items` in `payment` mode.", "line_items", "parameter_missing"));
        }

        var items = new List<LineItem>();
        string? first = null;
        foreach (var i in indices)
        {
            var item = $"line_items[{i}]";
            if (p.Has($"{item}[price]"))
            {
                throw new StripeErrorException(StripeError.InvalidRequest(
                    $"No such price: '{p.String($"{item}[price]")}'. The simulator takes inline price_data only.", $"{item}[price]", "resource_missing"));
            }

            var itemCurrency = Currency(p, $"{item}[price_data][currency]");
            if (first is not null && itemCurrency != first)
            {
                throw new StripeErrorException(StripeError.InvalidRequest("All line items must use the same currency.", $"{item}[price_data][currency]", "parameter_invalid_string"));
            }

            first = itemCurrency;
            var unitAmount = Positive(p, $"{item}[price_data][unit_amount]");
            var name = p.Required($"{item}[price_data][product_data][name]");
            var quantity = Positive(p, $"{item}[quantity]");
            items.Add(new LineItem(name, unitAmount, quantity));
        }

        currency = first!;
        return items;
    }

    private static string Currency(StripeParams p, string param)
    {
        var currency = p.Required(param).ToLowerInvariant();
        return CurrencyCode().IsMatch(currency)
            ? currency
            : throw new StripeErrorException(StripeError.InvalidRequest($"Invalid currency: {p.String(param)}. Stripe currencies are three-letter ISO codes.", param, "parameter_invalid_string"));
    }

    private static long Positive(StripeParams p, string param)
    {
        var value = p.Integer(param) ?? throw new StripeErrorException(StripeError.MissingParam(param));
        return value > 0 && value <= 99_999_999
            ? value
            : throw new StripeErrorException(StripeError.InvalidRequest($"Invalid {param}: must be a positive integer no greater than 99999999.", param, "parameter_invalid_integer"));
    }

    private static string? Url(StripeParams p, string param, bool required)
    {
        var value = required ? p.Required(param) : p.String(param);
        if (value is null)
        {
            return null;
        }

        // {CHECKOUT_SESSION_ID} is allowed in the URL and filled in at redirect time.
        var probe = value.Replace("{CHECKOUT_SESSION_ID}", "x", StringComparison.Ordinal);
        return Uri.TryCreate(probe, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? value
            : throw new StripeErrorException(StripeError.InvalidRequest("Not a valid URL", param, "url_invalid"));
    }

    private static long ExpiresAt(StripeParams p, DateTimeOffset now)
    {
        if (p.Integer("expires_at") is not { } expiresAt)
        {
            return (now + MaximumLifetime).ToUnixTimeSeconds();
        }

        var earliest = (now + MinimumLifetime).ToUnixTimeSeconds();
        var latest = (now + MaximumLifetime).ToUnixTimeSeconds();
        return expiresAt >= earliest && expiresAt <= latest
            ? expiresAt
            : throw new StripeErrorException(StripeError.InvalidRequest(
                "The `expires_at` timestamp must be at least 30 minutes and at most 24 hours from Checkout Session creation.", "expires_at", "parameter_invalid_integer"));
    }

    private static List<string> PaymentMethodTypes(StripeParams p, string currency)
    {
        var allowed = Types(p, "allowed_payment_method_types");
        var excluded = Types(p, "excluded_payment_method_types");
        var types = (allowed.Count > 0 ? allowed : ["card"]).Except(excluded, StringComparer.Ordinal).ToList();
        if (types.Contains("wechat_pay") && !WeChatPayCurrencies.Contains(currency))
        {
            throw new StripeErrorException(StripeError.InvalidRequest(
                $"The payment method type `wechat_pay` does not support the currency `{currency}`.", "allowed_payment_method_types", "payment_method_currency_mismatch"));
        }

        return types.Count > 0
            ? types
            : throw new StripeErrorException(StripeError.InvalidRequest("No payment method types are left after excluded_payment_method_types.", "excluded_payment_method_types", "parameter_invalid_empty"));
    }

    private static List<string> Types(StripeParams p, string param)
    {
        var types = p.List(param);
        for (var i = 0; i < types.Count; i++)
        {
            if (!Supported.Contains(types[i], StringComparer.Ordinal))
            {
                throw new StripeErrorException(StripeError.InvalidRequest(
                    $"Invalid {param}[{i}]: the simulator offers {string.Join(", ", Supported)}.", $"{param}[{i}]", "parameter_invalid_string"));
            }
        }

        return [.. types];
    }

    [GeneratedRegex("^[a-z]{3}$")]
    private static partial Regex CurrencyCode();
}
