using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class StripeTopUpTests
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_card_payment_credits_the_balance(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var system = await PaymentsSystem.StartAsync(database);
        var console = system.Console("acc-card");

        var created = await console.PostAsJsonAsync("/api/v1/topups", new
        {
            amount = new { amount = "20.00", currency = "USD" },
            provider = "stripe",
            country = "US",
            paymentMethod = "card",
            returnUrl = "https://console.ipocto.test/topups",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var topUp = await created.Content.ReadFromJsonAsync<JsonElement>();
        var paymentUrl = new Uri(topUp.GetProperty("paymentUrl").GetString()!);
        var sessionId = paymentUrl.Segments[^1];

        (await system.Simulator.PostAsJsonAsync($"/_simulator/stripe/sessions/{sessionId}/complete", new { method = "card" })).EnsureSuccessStatusCode();
        await system.DeliverWebhooksAsync();

        var order = await console.GetFromJsonAsync<JsonElement>($"/api/v1/topups/{topUp.GetProperty("id").GetString()}");
        var balance = await console.GetFromJsonAsync<JsonElement>("/api/v1/balance");
        Assert.Equal("succeeded", order.GetProperty("status").GetString());
        Assert.Equal("20.00", balance.GetProperty("available").GetProperty("amount").GetString());
    }
}
