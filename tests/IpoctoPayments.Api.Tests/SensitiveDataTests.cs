using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Infrastructure.Providers.PayerMax;
using IpoctoPayments.Infrastructure.Providers.Stripe;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace IpoctoPayments.Api.Tests;

/// <summary>
/// After every card flow — Stripe's hosted form with paying, declined, mistyped and 3-D Secure cards, PayerMax's card
/// form — plus refunds, reconciliation and a forged webhook: no card data in any table of the service's database, and
/// neither card data nor any secret in anything the API logged, at every level down to Trace. The simulator, as the
/// provider, may hold card data; the service may not.
/// </summary>
public sealed partial class SensitiveDataTests(SensitiveDataTests.CardFlows flows, ITestOutputHelper output) : IClassFixture<SensitiveDataTests.CardFlows>
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task No_table_holds_a_card_number_cvc_or_expiry(DatabaseProvider provider)
    {
        var run = await flows.ForAsync(provider);
        var cells = await run.StoredTextAsync();
        output.WriteLine($"{provider}: {cells.Select(c => c.Table).Distinct().Count()} tables, {cells.Count} text cells scanned");

        Assert.Contains(cells, c => c.Table == "topup_orders");
        foreach (var (table, column, text) in cells)
        {
            AssertNoCardData($"{table}.{column}", text, run.TypedCards);
        }
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task No_log_entry_holds_card_data(DatabaseProvider provider)
    {
        var run = await flows.ForAsync(provider);
        output.WriteLine($"{provider}: {run.Logs.Lines.Count} log entries scanned, {run.Logs.Lines.Count(e => e.Level <= Microsoft.Extensions.Logging.LogLevel.Debug)} of them Debug or Trace");

        Assert.Contains(run.Logs.Lines, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Trace);
        foreach (var entry in run.Logs.Lines)
        {
            AssertNoCardData($"{entry.Category} ({entry.Level})", entry.Text, run.TypedCards);
        }
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task No_log_entry_holds_a_secret_a_token_or_a_signature(DatabaseProvider provider)
    {
        var run = await flows.ForAsync(provider);
        var secrets = run.Secrets();
        output.WriteLine($"{provider}: {run.Logs.Lines.Count} log entries searched for {secrets.Count} secrets, tokens and signatures");

        foreach (var entry in run.Logs.Lines)
        {
            foreach (var (what, secret) in secrets)
            {
                Assert.False(entry.Text.Contains(secret, StringComparison.Ordinal), $"{entry.Category} ({entry.Level}) logged {what}: {entry.Text}");
            }

            // An RSA-2048 signature or key is a base64 run of 344 characters or more, whoever made it.
            Assert.False(LongBase64().IsMatch(entry.Text), $"{entry.Category} ({entry.Level}) logged a key or signature: {entry.Text}");
        }
    }

    private static void AssertNoCardData(string where, string text, IReadOnlyCollection<string> typedCards)
    {
        foreach (var card in typedCards)
        {
            Assert.False(text.Contains(card, StringComparison.Ordinal) || CardRuns().Matches(text).Any(m => Digits(m.Value) == card), $"{where} holds the card {card}: {text}");
        }

        foreach (Match run in CardRuns().Matches(TraceIds().Replace(Ids().Replace(text, ""), "")))
        {
            Assert.False(PassesLuhn(Digits(run.Value)), $"{where} holds a card-like number {run.Value}: {text}");
        }

        Assert.False(CardFields().IsMatch(text), $"{where} holds a card field: {CardFields().Match(text).Value}");
    }

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    private static bool PassesLuhn(string number)
    {
        var sum = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var digit = number[number.Length - 1 - i] - '0';
            sum += i % 2 == 1 ? (digit * 2 > 9 ? (digit * 2) - 9 : digit * 2) : digit;
        }

        return sum % 10 == 0;
    }

    // A card number: 13 to 19 digits, possibly grouped by spaces or dashes, not part of a longer word or number.
    [GeneratedRegex(@"(?<![\w.])\d(?:[ -]?\d){12,18}(?![\w.])")]
    private static partial Regex CardRuns();

    // Ids made of hex digits (GUIDs, PayerMax trade numbers) are not card numbers even when their digits happen to be.
    [GeneratedRegex(@"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex Ids();

    // W3C trace context in logging scopes: ParentId is sixteen zeros, which passes Luhn.
    [GeneratedRegex(@"\b(SpanId|TraceId|ParentId)[:=][0-9a-f]+")]
    private static partial Regex TraceIds();

    // A CVC or expiry with its value, as a form, JSON or query string would carry it.
    [GeneratedRegex(@"(?i)\b(card_?cvc|cvc2?|cvv2?|card_?expiry|expiry|exp_?month|exp_?year|expiration)[""']?\s*[:=]\s*[""']?\d")]
    private static partial Regex CardFields();

    [GeneratedRegex(@"[A-Za-z0-9+/]{344,}")]
    private static partial Regex LongBase64();

    /// <summary>Every card flow, once per engine, on a system whose API logs everything to a capturing provider.</summary>
    public sealed class CardFlows : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<Run>>> runs = new();

        public async Task<Run> ForAsync(DatabaseProvider provider)
        {
            TestDatabase.SkipUnlessAvailable(provider);
            return await runs.GetOrAdd(provider, p => new Lazy<Task<Run>>(() => Run.StartAsync(p))).Value;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var run in runs.Values.Where(r => r.IsValueCreated))
            {
                await (await run.Value).DisposeAsync();
            }
        }
    }

    public sealed partial class Run : IAsyncDisposable
    {
        private static readonly Dictionary<string, string?> Rates = new() { ["ExchangeRates:Rates:USD:AED"] = "3.6725" };

        private readonly PaymentsSystem system;
        private readonly List<string> tokens = [];
        private readonly List<string> refusedSignatures = [];

        private Run(PaymentsSystem system, CapturedLogs logs)
        {
            this.system = system;
            Logs = logs;
        }

        public CapturedLogs Logs { get; }

        /// <summary>Every card number a customer typed, digits only.</summary>
        public List<string> TypedCards { get; } = [];

        public static async Task<Run> StartAsync(DatabaseProvider provider)
        {
            var logs = new CapturedLogs();
            var run = new Run(await PaymentsSystem.StartAsync(provider, Rates, logs), logs);
            await run.PayEveryWayAsync();
            return run;
        }

        /// <summary>Everything that must never be logged: configured secrets, every bearer token used, every signature sent or refused.</summary>
        public List<(string What, string Value)> Secrets()
        {
            var stripe = system.ApiServices.GetRequiredService<IOptions<StripeOptions>>().Value;
            var payerMax = system.ApiServices.GetRequiredService<IOptions<PayerMaxOptions>>().Value;
            var secrets = new List<(string, string)>
            {
                ("the Stripe secret key", stripe.SecretKey),
                ("the Stripe webhook secret", stripe.WebhookSecret),
                ("the PayerMax private key", payerMax.MerchantPrivateKey),
                ("the token signing key", TestTokens.SigningKey),
            };
            secrets.AddRange(tokens.Select(t => ("a bearer token", t)));
            foreach (var delivery in system.SimulatorService<WebhookOutbox>().Deliveries)
            {
                foreach (var attempt in delivery.Attempts)
                {
                    secrets.AddRange(delivery.Webhook.Sign(delivery.Payload, attempt.At).Select(h => ($"the {h.Key} header of a webhook", h.Value)));
                }
            }

            secrets.AddRange(refusedSignatures.Select(s => ("a refused signature", s)));
            Assert.Contains(secrets, s => s.Item1 == "the Stripe-Signature header of a webhook");
            Assert.Contains(secrets, s => s.Item1 == "the sign header of a webhook");
            return secrets;
        }

        /// <summary>Every text or binary cell of every table the service's schema has, as (table, column, text).</summary>
        public async Task<List<(string Table, string Column, string Text)>> StoredTextAsync()
        {
            await using var scope = system.ApiServices.CreateAsyncScope();
            var connection = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            var tables = await QueryAsync(connection, system.Database.Provider == DatabaseProvider.PostgreSql
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'");
            var cells = new List<(string, string, string)>();
            foreach (var table in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        var text = reader.GetValue(i) switch
                        {
                            string s => s,
                            byte[] bytes => Encoding.UTF8.GetString(bytes),
                            _ => null,
                        };
                        if (text is not null)
                        {
                            cells.Add((table, reader.GetName(i), text));
                        }
                    }
                }
            }

            return cells;
        }

        public ValueTask DisposeAsync() => system.DisposeAsync();

        private static async Task<List<string>> QueryAsync(DbConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var names = new List<string>();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }

        private async Task PayEveryWayAsync()
        {
            var console = Client(TestTokens.For("acc-sensitive", Scopes.Account));
            var admin = Client(TestTokens.For("admin", Scopes.Admin));
            var support = Client(TestTokens.For("support-agent", Scopes.Support));
            var expiry = $"12 / {(system.Clock.GetUtcNow().Year + 3) % 100:00}";

            // Stripe: paid at once; declined (insufficient funds, wrong CVC, generic), then paid on the same page; a
            // mistyped number; 3-D Secure confirmed.
            var (paid, _) = await StripeCardAsync(console, expiry, "4242 4242 4242 4242");
            await StripeCardAsync(console, expiry, "4000 0000 0000 9995", "4000 0000 0000 0127", "4000-0000-0000-0002", "4242 4242 4242 4241", "5555 5555 5555 4444");
            var (secure, page) = await StripeCardAsync(console, expiry, "4000 0000 0000 3220");
            await page.SubmitAsync("Complete authentication");
            AssertAnswered(page);
            await system.DeliverWebhooksAsync();

            // PayerMax's card form in the UAE: a CVV refusal, then a card that pays.
            await PayerMaxCardAsync(console, "4444 3333 2222 0014", "4444 3333 2222 1111");

            Assert.Equal("succeeded", (await console.TopUpAsync(secure.Id())).Status());
            foreach (var order in await console.TopUpsAsync())
            {
                await support.SupportOrderAsync(order.OrderNumber());
            }

            // A refund (a provider call with the secret key), reconciliation (provider queries), a forged webhook.
            using var refund = await admin.PostRefundAsync(paid.Id(), "5.00");
            Assert.Equal(HttpStatusCode.Created, refund.StatusCode);
            using var reconciled = await admin.PostReconciliationRunAsync();
            Assert.Equal(HttpStatusCode.OK, reconciled.StatusCode);
            await system.AdvanceAsync(TimeSpan.FromMinutes(1));
            var forged = StripeSignature.For("{\"id\":\"evt_forged\"}", "whsec_not_ours", system.Clock.GetUtcNow());
            refusedSignatures.Add(forged[(forged.IndexOf("v1=", StringComparison.Ordinal) + 3)..]);
            using var refused = await system.PostStripeAsync("{\"id\":\"evt_forged\"}", forged);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            using var unauthorised = await Client("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmb3JnZWQifQ.forged-signature-value").GetAsync(new Uri("/api/v1/balance", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        }

        /// <summary>A Stripe card top-up paid through the hosted form, trying each card in turn on the same page; returns the page last shown.</summary>
        private async Task<(JsonElement TopUp, HostedPageBrowser Page)> StripeCardAsync(PaymentsApiClient console, string expiry, params string[] cards)
        {
            var topUp = await console.CreateTopUpAsync(TopUpRequest.StripeCard());
            var browser = system.Browser();
            await browser.OpenAsync(topUp.PaymentUrl());
            foreach (var card in cards)
            {
                TypedCards.Add(new string([.. card.Where(char.IsAsciiDigit)]));
                await browser.SubmitFormAsync("/card", ("card_number", card), ("card_expiry", expiry), ("card_cvc", "123"));
                AssertAnswered(browser);
                await system.DeliverWebhooksAsync();
            }

            return (topUp, browser);
        }

        private async Task PayerMaxCardAsync(PaymentsApiClient console, params string[] cards)
        {
            foreach (var card in cards)
            {
                TypedCards.Add(new string([.. card.Where(char.IsAsciiDigit)]));
                var topUp = await console.CreateTopUpAsync(TopUpRequest.For("payermax", "AE", "card", "20.00"));
                var browser = system.Browser();
                await browser.FollowAsync(topUp.PaymentUrl().AbsoluteUri, "Pay with Card");
                await browser.SubmitFormAsync("/card", ("cardNumber", card), ("expiry", "12/34"), ("cvv", "123"), ("holder", "Ana Cruz"));
                AssertAnswered(browser);
                await system.DeliverWebhooksAsync();
            }
        }

        // 402: the page again, showing the decline.
        private static void AssertAnswered(HostedPageBrowser page) =>
            Assert.True((int)page.Status is 200 or 302 or 303 or 402, $"{page.Url}: {(int)page.Status}");

        private PaymentsApiClient Client(string token)
        {
            tokens.Add(token);
            return system.Client(token);
        }
    }
}
