using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

/// <summary>A paid payment's webhook, held back by the simulator, reaches the API forged: refused, nothing stored.</summary>
public sealed class ForgedWebhookTests
{
    public enum StripeForgery
    {
        WrongSecret,
        TamperedBody,
        MissingHeader,
        StaleTimestamp,
    }

    public enum PayerMaxForgery
    {
        WrongKey,
        TamperedBody,
        MissingHeader,
    }

    public static TheoryData<DatabaseProvider, StripeForgery> StripeCases() => Databases.Times(Enum.GetValues<StripeForgery>());

    public static TheoryData<DatabaseProvider, PayerMaxForgery> PayerMaxCases() => Databases.Times(Enum.GetValues<PayerMaxForgery>());

    [SkippableTheory]
    [MemberData(nameof(StripeCases))]
    public async Task A_forged_stripe_event_is_refused_and_nothing_is_stored(DatabaseProvider provider, StripeForgery forgery)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-forged");
        await system.SetFaultsAsync(new { webhooks = new { drop = true } });
        var topUp = await system.PaidStripeTopUpAsync(console);
        var payload = system.Delivery("stripe", "checkout.session.completed").Payload;
        var now = system.Clock.GetUtcNow();
        var secret = PaymentsSystem.StripeWebhookSecret;

        var (body, signature) = forgery switch
        {
            StripeForgery.WrongSecret => (payload, StripeSignature.For(payload, "whsec_not_ours", now)),
            StripeForgery.TamperedBody => (Tampered(payload, "amount_total"), StripeSignature.For(payload, secret, now)),
            StripeForgery.MissingHeader => (payload, null),
            _ => (payload, StripeSignature.For(payload, secret, now.AddMinutes(-10))),
        };
        Assert.NotEqual(forgery == StripeForgery.TamperedBody, body == payload);
        using var response = await system.PostStripeAsync(body, signature);

        await ApiAnswer.AssertProblemAsync(response, HttpStatusCode.BadRequest, forgery == StripeForgery.MissingHeader ? "signature_missing" : "invalid_signature");
        await AssertNothingStoredAsync(system, console, topUp);

        // The same body, rightly signed, is taken: the refusal was the signature's doing.
        using var genuine = await system.PostStripeAsync(payload, StripeSignature.For(payload, secret, now));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal("20.00", await console.BalanceAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_signed_stripe_event_of_another_api_version_is_refused_as_such_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-version");
        await system.SetFaultsAsync(new { webhooks = new { drop = true } });
        var topUp = await system.PaidStripeTopUpAsync(console);
        var payload = system.Delivery("stripe", "checkout.session.completed").Payload.Replace("2026-10-28.endive", "2020-08-27", StringComparison.Ordinal);

        using var response = await system.PostStripeAsync(payload, StripeSignature.For(payload, PaymentsSystem.StripeWebhookSecret, system.Clock.GetUtcNow()));

        await ApiAnswer.AssertProblemAsync(response, HttpStatusCode.BadRequest, "api_version_mismatch");
        await AssertNothingStoredAsync(system, console, topUp);
    }

    [SkippableTheory]
    [MemberData(nameof(PayerMaxCases))]
    public async Task A_forged_payermax_notification_is_refused_and_nothing_is_stored(DatabaseProvider provider, PayerMaxForgery forgery)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-forged-pm");
        await system.SetFaultsAsync(new { webhooks = new { drop = true } });
        var topUp = await system.PaidPayerMaxTopUpAsync(console);
        var delivery = system.Delivery("payermax", "PAYMENT");
        var payload = delivery.Payload;

        var (body, sign) = forgery switch
        {
            PayerMaxForgery.WrongKey => (payload, SignWithStrangerKey(payload)),
            PayerMaxForgery.TamperedBody => (Tampered(payload, "totalAmount"), delivery.Header(payload, "sign", system.Clock.GetUtcNow())),
            _ => (payload, null),
        };
        Assert.NotEqual(forgery == PayerMaxForgery.TamperedBody, body == payload);
        using var response = await system.PostPayerMaxAsync(body, sign);

        await ApiAnswer.AssertProblemAsync(response, HttpStatusCode.BadRequest, forgery == PayerMaxForgery.MissingHeader ? "signature_missing" : "invalid_signature");
        await AssertNothingStoredAsync(system, console, topUp);

        using var genuine = await system.PostPayerMaxAsync(payload, delivery.Header(payload, "sign", system.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal("10.00", await console.BalanceAsync());
    }

    private static async Task AssertNothingStoredAsync(PaymentsSystem system, PaymentsApiClient console, System.Text.Json.JsonElement topUp)
    {
        Assert.Equal("awaiting_payment", (await console.TopUpAsync(topUp.Id())).Status());
        Assert.Equal("0.00", await console.BalanceAsync());
        Assert.Equal(0, await system.InboxCountAsync());
        Assert.Equal(0, await system.PostingCountAsync());
        var timeline = await system.TimelineAsync(topUp.OrderNumber());
        Assert.DoesNotContain(timeline.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "webhook_received");
    }

    /// <summary>The body with its amount (found anywhere in the event) multiplied by a hundred.</summary>
    private static string Tampered(string payload, string amountProperty)
    {
        var root = JsonNode.Parse(payload)!;
        var holder = Holder(root) ?? throw new InvalidOperationException($"No {amountProperty} in {payload}");
        holder[amountProperty] = holder[amountProperty]!.GetValueKind() == JsonValueKind.String
            ? (decimal.Parse(holder[amountProperty]!.GetValue<string>(), CultureInfo.InvariantCulture) * 100).ToString(CultureInfo.InvariantCulture)
            : JsonValue.Create(holder[amountProperty]!.GetValue<decimal>() * 100);
        return root.ToJsonString();

        JsonObject? Holder(JsonNode? node) => node switch
        {
            JsonObject o when o.ContainsKey(amountProperty) => o,
            JsonObject o => o.Select(p => Holder(p.Value)).FirstOrDefault(h => h is not null),
            _ => null,
        };
    }

    private static string SignWithStrangerKey(string payload)
    {
        using var stranger = RSA.Create(2048);
        return Convert.ToBase64String(stranger.SignData(Encoding.UTF8.GetBytes(payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }
}
