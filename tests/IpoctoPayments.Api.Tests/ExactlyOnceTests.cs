using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Testing;
using Stripe;

namespace IpoctoPayments.Api.Tests;

public sealed class ExactlyOnceTests
{
    private const int Deliveries = 50;

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Fifty_concurrent_deliveries_of_one_payment_across_two_instances_credit_it_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var system = await PaymentsSystem.StartAsync(database);
        var console = system.Console("acc-storm");
        var created = await console.PostAsJsonAsync("/api/v1/topups", new
        {
            amount = new { amount = "20.00", currency = "USD" },
            provider = "stripe",
            country = "US",
            returnUrl = "https://console.ipocto.test/topups",
        });
        var topUp = await created.Content.ReadFromJsonAsync<JsonElement>();
        var sessionId = new Uri(topUp.GetProperty("paymentUrl").GetString()!).Segments[^1];

        // The simulator records the event but sends nothing: the test delivers it, fifty times at once.
        (await system.Simulator.PutAsJsonAsync($"/_simulator/faults/{sessionId}", new { webhooks = new { drop = true } })).EnsureSuccessStatusCode();
        (await system.Simulator.PostAsJsonAsync($"/_simulator/stripe/sessions/{sessionId}/complete", new { method = "card" })).EnsureSuccessStatusCode();
        var payload = system.SimulatorService<WebhookOutbox>().Deliveries
            .Single(d => d.EventType == "checkout.session.completed" && d.TargetKeys.Contains(sessionId)).Payload;
        var signature = EventUtility.GenerateSignatureHeader(payload, PaymentsSystem.StripeWebhookSecret, system.Clock.GetUtcNow().ToUnixTimeSeconds());
        HttpClient[] instances = [system.Anonymous(), system.AnotherInstance()];

        var answers = await Task.WhenAll(Enumerable.Range(0, Deliveries).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
            request.Headers.Add("Stripe-Signature", signature);
            var response = await instances[i % 2].SendAsync(request);
            return (response.StatusCode, Outcome: (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, answers.Count(a => a.Outcome == "applied"));
        Assert.Equal(Deliveries - 1, answers.Count(a => a.Outcome == "duplicate"));
        var balance = await console.GetFromJsonAsync<JsonElement>("/api/v1/balance");
        Assert.Equal("20.00", balance.GetProperty("available").GetProperty("amount").GetString());
        var ledger = await console.GetFromJsonAsync<JsonElement>("/api/v1/ledger");
        Assert.Single(ledger.GetProperty("items").EnumerateArray());
    }
}
