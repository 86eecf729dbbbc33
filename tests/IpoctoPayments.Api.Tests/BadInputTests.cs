using System.Net;
using System.Text;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Common.Idempotency;
using IpoctoPayments.Infrastructure.Ledger;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Infrastructure.TopUps;
using IpoctoPayments.Infrastructure.Webhooks;
using IpoctoPayments.Simulator.PayerMax;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;

namespace IpoctoPayments.Api.Tests;

/// <summary>
/// Every endpoint fed bad input: a 4xx problem (application/problem+json) with a code, the field where one is at fault,
/// never a 5xx, and nothing written. Nothing here succeeds, so one system per engine serves every case.
/// </summary>
public sealed class BadInputTests(SharedSystems systems) : IClassFixture<SharedSystems>
{
    public enum Caller
    {
        Console,
        Admin,
        Support,
        Anonymous,
    }

    private const string UnknownId = "0196f1c2-7a3b-7c4d-8e5f-000000000001";

    private static readonly Dictionary<string, BadRequest> Cases = new BadRequest[]
    {
        TopUp("negative amount", Amount("-5.00"), 400, "invalid_amount", "amount"),
        TopUp("zero amount", Amount("0.00"), 400, "invalid_amount", "amount"),
        TopUp("over-precise amount", Amount("20.005"), 400, "invalid_amount", "amount"),
        TopUp("huge amount", Amount("99999999999999999999"), 400, "invalid_amount", "amount"),
        TopUp("non-numeric amount", Amount("twenty"), 400, "invalid_amount", "amount"),
        TopUp("amount with exponent", Amount("2e3"), 400, "invalid_amount", "amount"),
        TopUp("amount below the card minimum", Amount("0.10"), 422, "amount_out_of_range", "paymentMethod"),
        TopUp("amount above the bill payment maximum", Body(amount: "1000.00", provider: "payermax", country: "PH", method: "bill_payment"), 422, "amount_out_of_range", "paymentMethod"),
        TopUp("unknown currency", Body(currency: "XXX"), 400, "currency_not_supported", "currency"),
        TopUp("currency other than the balance's", Body(currency: "EUR"), 400, "currency_not_supported", "currency"),
        TopUp("malformed country", Body(country: "USA"), 400, "invalid_country", "country"),
        TopUp("country nobody serves", Body(country: "AQ", method: null), 422, "payment_method_unavailable", "country"),
        TopUp("unsupported provider", Body(provider: "paypal"), 400, "provider_not_supported", "provider"),
        TopUp("unknown method", Body(method: "bitcoin"), 422, "payment_method_unknown", "paymentMethod"),
        TopUp("method of another country", Body(provider: "payermax", country: "PH", method: "card"), 422, "payment_method_unavailable", "paymentMethod"),
        TopUp("missing amount", """{"provider":"stripe","country":"US","paymentMethod":"card","returnUrl":"https://console.ipocto.test/"}""", 400, "amount_required", "amount"),
        TopUp("missing provider", Body(provider: null), 400, "provider_required", "provider"),
        TopUp("missing country", Body(country: null), 400, "country_required", "country"),
        TopUp("missing return url", Body(returnUrl: null), 400, "return_url_required", "returnUrl"),
        TopUp("javascript return url", Body(returnUrl: "javascript:alert(1)"), 400, "invalid_return_url", "returnUrl"),
        TopUp("return url off the console", Body(returnUrl: "https://evil.example/steal"), 400, "return_url_not_allowed", "returnUrl"),
        TopUp("control characters in the return url", Body(returnUrl: "https://console.ipocto.test/\u0000\u001b[31m"), 400, "invalid_return_url", "returnUrl"),
        TopUp("full-width unicode country", Body(country: "ＵＳ"), 400, "invalid_country", "country"),
        TopUp("sql in the provider", Body(provider: "stripe' OR '1'='1"), 400, "provider_not_supported", "provider"),
        TopUp("sql in the method", Body(method: "card'); DROP TABLE topup_orders; --"), 400, "payment_method_unknown", "paymentMethod"),
        TopUp("emoji in the method", Body(method: "card💳"), 400, "payment_method_unknown", "paymentMethod"),
        TopUp("malformed json", "{\"amount\":", 400, "malformed_body", "amount"),
        TopUp("json null", "null", 400, "malformed_body", null),
        TopUp("empty body", "", 400, "malformed_body", null),
        TopUp("amount as a number", """{"amount":20,"provider":"stripe","country":"US","returnUrl":"https://console.ipocto.test/"}""", 400, "malformed_body", "amount"),
        TopUp("provider as an array", """{"amount":{"amount":"20.00","currency":"USD"},"provider":["stripe"],"country":"US","returnUrl":"https://console.ipocto.test/"}""", 400, "malformed_body", "provider"),
        TopUp("a one-megabyte body", $$"""{"amount":{"amount":"20.00","currency":"USD"},"provider":"stripe","country":"US","returnUrl":"https://console.ipocto.test/","pad":"{{new string('x', 1024 * 1024)}}"}""", 413, "body_too_large", null),
        new("idempotency key with spaces", Caller.Console, HttpMethod.Post, "/api/v1/topups", Body(), 400, "invalid_idempotency_key", "idempotencyKey", "key with spaces"),
        Get("unknown top-up", $"/api/v1/topups/{UnknownId}", 404, "topup_not_found", null),
        Get("top-up id that is not a guid", "/api/v1/topups/not-a-guid", 404, "not_found", null),
        Get("path traversal in the top-up id", "/api/v1/topups/..%2F..", 404, "not_found", null),
        Get("path traversal to the balance", "/api/v1/topups/..%2F..%2Fbalance", 404, "not_found", null),
        Get("page size zero", "/api/v1/topups?limit=0", 400, "invalid_limit", "limit"),
        Get("page size not a number", "/api/v1/topups?limit=ten", 400, "invalid_parameter", null),
        Get("cursor not a guid", "/api/v1/topups?cursor=abc", 400, "invalid_parameter", null),
        Get("ledger page too large", "/api/v1/ledger?limit=100000", 400, "invalid_limit", "limit"),
        Get("methods without a country", "/api/v1/payment-methods", 400, "country_required", "country"),
        Get("methods for a malformed country", "/api/v1/payment-methods?country=U1", 400, "invalid_country", "country"),
        Get("methods for a negative amount", "/api/v1/payment-methods?country=US&amount=-1", 400, "invalid_amount", "amount"),
        Get("methods for an over-precise amount", "/api/v1/payment-methods?country=US&amount=1.001", 400, "invalid_amount", "amount"),
        Get("methods for an amount too large to convert", "/api/v1/payment-methods?country=ID&amount=900000000000000", 400, "invalid_amount", "amount"),
        Get("methods of an unknown provider", "/api/v1/payment-methods?country=US&provider=paypal", 400, "provider_not_supported", "provider"),
        Get("unknown endpoint", "/api/v1/nothing-here", 404, "not_found", null),
        new("malformed order number", Caller.Support, HttpMethod.Get, "/api/v1/support/orders/DROP%20TABLE", null, 400, "invalid_order_number", "orderNumber"),
        new("unknown order number", Caller.Support, HttpMethod.Get, "/api/v1/support/orders/TU-00000-00001", null, 404, "order_not_found", null),
        new("refund of an unknown top-up", Caller.Admin, HttpMethod.Post, $"/api/v1/topups/{UnknownId}/refunds", "{}", 404, "topup_not_found", null),
        new("refund with malformed json", Caller.Admin, HttpMethod.Post, $"/api/v1/topups/{UnknownId}/refunds", "{\"amount\":", 400, "malformed_body", "amount"),
        new("refund with an empty amount", Caller.Admin, HttpMethod.Post, $"/api/v1/topups/{UnknownId}/refunds", """{"amount":{"amount":"","currency":"USD"}}""", 400, "invalid_amount", "amount"),
        new("stripe webhook without a signature", Caller.Anonymous, HttpMethod.Post, "/webhooks/stripe", "{\"id\":\"evt_1\"}", 400, "signature_missing", null),
        new("stripe webhook that is not json", Caller.Anonymous, HttpMethod.Post, "/webhooks/stripe", "not json", 400, "signature_missing", null),
        new("stripe webhook of one megabyte", Caller.Anonymous, HttpMethod.Post, "/webhooks/stripe", new string('x', 1024 * 1024), 413, "body_too_large", null),
        new("payermax notification without a signature", Caller.Anonymous, HttpMethod.Post, "/webhooks/payermax", "{}", 400, "signature_missing", null),
        new("payermax notification with a garbage signature", Caller.Anonymous, HttpMethod.Post, "/webhooks/payermax", "{}", 400, "invalid_signature", null, Sign: "not-base64!!"),
    }.Concat(Battery()).ToDictionary(c => c.Name);

    public enum Signature
    {
        None,
        Stripe,
        PayerMax,
    }

    public static TheoryData<DatabaseProvider, string> All() => Databases.Times(Cases.Keys);

    [SkippableTheory]
    [MemberData(nameof(All))]
    public async Task Bad_input_is_a_4xx_problem_with_a_code_and_nothing_is_written(DatabaseProvider provider, string name)
    {
        var system = await systems.ForAsync(provider);
        var bad = Cases[name];
        using var request = new HttpRequestMessage(bad.Method, bad.Path);
        if (bad.Body is not null)
        {
            request.Content = new StringContent(bad.Body, Encoding.UTF8, "application/json");
        }

        if (bad.IdempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", bad.IdempotencyKey);
        }

        if (bad.Sign is not null)
        {
            request.Headers.TryAddWithoutValidation("sign", bad.Sign);
        }

        SignAsProvider(system, request, bad);
        using var response = await ClientFor(system, bad.Caller).SendAsync(request);

        if (bad.Status is null)
        {
            // A generated input: any 4xx problem with a code will do, as long as nothing is written.
            var any = await ApiAnswer.ProblemAsync(response);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {any}");
            Assert.False(string.IsNullOrEmpty(any.GetProperty("code").GetString()), any.ToString());
        }
        else
        {
            var problem = await ApiAnswer.AssertProblemAsync(response, (HttpStatusCode)bad.Status, bad.Code!);
            Assert.Equal(bad.Status, problem.GetProperty("status").GetInt32());
            if (bad.Field is null)
            {
                Assert.False(problem.TryGetProperty("field", out var field) && field.ValueKind == System.Text.Json.JsonValueKind.String, $"unexpected field {problem}");
            }
            else
            {
                Assert.Equal(bad.Field, problem.GetProperty("field").GetString());
            }
        }

        Assert.Empty(await system.Console("acc-bad-input").TopUpsAsync());
        Assert.Equal((0, 0, 0, 0, 0), await system.InDatabaseAsync(async db => (
            await db.Set<TopUpOrderRecord>().CountAsync(),
            await db.Set<InboxRecord>().CountAsync(),
            await db.Set<PostingRecord>().CountAsync(),
            await db.Set<BalanceRecord>().CountAsync(),
            await db.Set<IdempotencyKeyRecord>().CountAsync())));
    }

    /// <summary>Signs a generated webhook body as the provider would, so the bad input reaches the parser behind the signature check.</summary>
    private static void SignAsProvider(PaymentsSystem system, HttpRequestMessage request, BadRequest bad)
    {
        if (bad.SignAs == Signature.Stripe)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", StripeSignature.For(bad.Body!, PaymentsSystem.StripeWebhookSecret, system.Clock.GetUtcNow()));
        }
        else if (bad.SignAs == Signature.PayerMax)
        {
            request.Headers.TryAddWithoutValidation("sign", system.SimulatorService<PayerMaxKeys>().Sign(bad.Body!));
        }
    }

    /// <summary>
    /// Generated bad input for every endpoint: broken and hostile bodies for each that reads one (webhooks also signed, so
    /// the input gets past the signature), hostile values for each query parameter, and path tricks in each id.
    /// </summary>
    private static IEnumerable<BadRequest> Battery()
    {
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        Dictionary<string, string> bodies = new()
        {
            ["malformed json"] = "{\"amount\":{\"amount\":\"20.00\",",
            ["wrong types"] = """{"amount":{"amount":20.5,"currency":840},"provider":1,"country":true,"paymentMethod":{},"returnUrl":[]}""",
            ["a huge number as text"] = Body(amount: "1" + new string('0', 400)),
            ["a huge number literal"] = """{"amount":{"amount":1e400,"currency":"USD"},"id":123456789012345678901234567890}""",
            ["control characters and unicode"] =
                """{"amount":{"amount":"２０.００","currency":"U\u0000S"},"provider":"str\u202eipe","country":"U\u0007S","paymentMethod":"card\ud800","returnUrl":"https://console.ipocto.test/\u001b[2J"}""",
            ["sql"] = Body(amount: "20.00' OR '1'='1", currency: "USD'); DELETE FROM ledger_entries; --", method: "card\" OR 1=1 --"),
            ["10 000 levels of objects"] = "{\"amount\":" + nested + "}",
            ["10 000 levels of arrays"] = new string('[', 10_000) + new string(']', 10_000),
            ["a json string"] = "\"stripe\"",
            ["one megabyte"] = $$"""{"amount":{"amount":"20.00","currency":"USD"},"pad":"{{new string('x', 1024 * 1024)}}"}""",
        };
        (string Endpoint, Caller Caller, string Path, Signature Sign)[] bodyEndpoints =
        [
            ("create top-up", Caller.Console, "/api/v1/topups", Signature.None),
            ("refund", Caller.Admin, $"/api/v1/topups/{UnknownId}/refunds", Signature.None),
            ("reconciliation run", Caller.Admin, "/api/v1/reconciliation/runs", Signature.None),
            ("stripe webhook", Caller.Anonymous, "/webhooks/stripe", Signature.None),
            ("signed stripe webhook", Caller.Anonymous, "/webhooks/stripe", Signature.Stripe),
            ("payermax notification", Caller.Anonymous, "/webhooks/payermax", Signature.None),
            ("signed payermax notification", Caller.Anonymous, "/webhooks/payermax", Signature.PayerMax),
        ];
        foreach (var (endpoint, caller, path, sign) in bodyEndpoints)
        {
            foreach (var (input, body) in bodies)
            {
                yield return new($"{endpoint}: {input}", caller, HttpMethod.Post, path, body, null, null, null, SignAs: sign);
            }
        }

        string[] values =
        [
            "99999999999999999999999999", "-1", "%00", "%1b%5b31m%07", "%F0%9F%92%B3", "%EF%BC%91%EF%BC%90", "1%27%20OR%20%271%27%3D%271",
            "%3Cscript%3E", new string('9', 5000),
        ];
        (string Endpoint, Caller Caller, string Path, string[] Parameters)[] queries =
        [
            ("list top-ups", Caller.Console, "/api/v1/topups?", ["cursor", "limit"]),
            ("ledger", Caller.Console, "/api/v1/ledger?", ["cursor", "limit"]),
            ("payment methods", Caller.Console, "/api/v1/payment-methods?country=US&", ["amount", "provider"]),
            ("payment methods of a country", Caller.Console, "/api/v1/payment-methods?", ["country"]),
        ];
        foreach (var (endpoint, caller, path, parameters) in queries)
        {
            foreach (var parameter in parameters)
            {
                foreach (var (value, i) in values.Select((v, i) => (v, i)))
                {
                    yield return new($"{endpoint}: {parameter} #{i + 1}", caller, HttpMethod.Get, $"{path}{parameter}={value}", null, null, null, null);
                }

                yield return new($"{endpoint}: {parameter} twice", caller, HttpMethod.Get, $"{path}{parameter}=1&{parameter}=2", null, null, null, null);
            }
        }

        string[] ids =
        [
            // An encoded NUL in a path never reaches the service: Kestrel refuses the request line (and the test server will not send it).
            "..%2f..%2fbalance", "%2e%2e%2f%2e%2e%2fledger", "%252e%252e%252f", $"{UnknownId}%2500", new string('a', 5000), "%F0%9F%92%B3",
            "1%27%20OR%20%271%27%3D%271", "TU-00000-00001%2f..%2f..",
        ];
        (string Endpoint, Caller Caller, HttpMethod Method, string Template, string? Body)[] paths =
        [
            ("top-up", Caller.Console, HttpMethod.Get, "/api/v1/topups/{0}", null),
            ("refund", Caller.Admin, HttpMethod.Post, "/api/v1/topups/{0}/refunds", "{}"),
            ("support timeline", Caller.Support, HttpMethod.Get, "/api/v1/support/orders/{0}", null),
        ];
        foreach (var (endpoint, caller, method, template, body) in paths)
        {
            foreach (var (id, i) in ids.Select((v, i) => (v, i)))
            {
                yield return new($"{endpoint} id trick #{i + 1}", caller, method, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id), body, null, null, null);
            }
        }
    }

    private static PaymentsApiClient ClientFor(PaymentsSystem system, Caller caller) => caller switch
    {
        Caller.Console => system.Console("acc-bad-input"),
        Caller.Admin => system.Admin(),
        Caller.Support => system.Support(),
        _ => system.Anonymous(),
    };

    private static BadRequest TopUp(string name, string body, int status, string code, string? field) =>
        new(name, Caller.Console, HttpMethod.Post, "/api/v1/topups", body, status, code, field);

    private static BadRequest Get(string name, string path, int status, string code, string? field) =>
        new(name, Caller.Console, HttpMethod.Get, path, null, status, code, field);

    private static string Amount(string amount) => Body(amount: amount);

    private static string Body(
        string? amount = "20.00", string? currency = "USD", string? provider = "stripe", string? country = "US", string? method = "card", string? returnUrl = TopUpRequest.ReturnUrl) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            amount = new { amount, currency },
            provider,
            country,
            paymentMethod = method,
            returnUrl,
        });

    /// <summary>A bad request; without <see cref="Status"/> and <see cref="Code"/>, any 4xx problem with a code is the right answer.</summary>
    private sealed record BadRequest(
        string Name, Caller Caller, HttpMethod Method, string Path, string? Body, int? Status, string? Code, string? Field, string? IdempotencyKey = null, string? Sign = null,
        Signature SignAs = Signature.None);
}
