using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class PayerMaxTopUpTests
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_gcash_payment_in_pesos_credits_the_balance_in_dollars(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var system = await PaymentsSystem.StartAsync(database);
        var console = system.Console("acc-gcash");

        var created = await console.PostAsJsonAsync("/api/v1/topups", new
        {
            amount = new { amount = "10.00", currency = "USD" },
            provider = "payermax",
            country = "PH",
            paymentMethod = "gcash",
            returnUrl = "https://console.ipocto.test/topups",
        });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var topUp = JsonDocument.Parse(body).RootElement;
        Assert.Equal("562.50", topUp.GetProperty("charge").GetProperty("amount").GetString());
        Assert.Equal("PHP", topUp.GetProperty("charge").GetProperty("currency").GetString());
        var outTradeNo = Guid.Parse(topUp.GetProperty("id").GetString()!).ToString("N");

        (await system.Simulator.PostAsJsonAsync($"/_simulator/payermax/orders/{outTradeNo}/complete", new { paymentMethodType = "WALLET", targetOrg = "GCASH" })).EnsureSuccessStatusCode();
        await system.DeliverWebhooksAsync();

        var order = await console.GetFromJsonAsync<JsonElement>($"/api/v1/topups/{topUp.GetProperty("id").GetString()}");
        var balance = await console.GetFromJsonAsync<JsonElement>("/api/v1/balance");
        Assert.Equal("succeeded", order.GetProperty("status").GetString());
        Assert.Equal("10.00", balance.GetProperty("available").GetProperty("amount").GetString());
    }
}
