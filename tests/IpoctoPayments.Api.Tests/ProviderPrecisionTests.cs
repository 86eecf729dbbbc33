using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class ProviderPrecisionTests
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_top_up_with_cents_is_charged_in_whole_rupiah_as_payermax_takes_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var system = await PaymentsSystem.StartAsync(database);
        var console = system.Console("acc-idr");

        var created = await console.PostAsJsonAsync("/api/v1/topups", new
        {
            amount = new { amount = "10.01", currency = "USD" },
            provider = "payermax",
            country = "ID",
            paymentMethod = "dana",
            returnUrl = "https://console.ipocto.test/topups",
        });

        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var topUp = JsonDocument.Parse(body).RootElement;

        // 10.01 × 16250 = 162,662.50 IDR; PayerMax takes no decimals in IDR, so half to even: 162,662.
        Assert.Equal(("162662.00", "IDR"), (topUp.GetProperty("charge").GetProperty("amount").GetString(), topUp.GetProperty("charge").GetProperty("currency").GetString()));
        var outTradeNo = Guid.Parse(topUp.GetProperty("id").GetString()!).ToString("N");
        (await system.Simulator.PostAsJsonAsync($"/_simulator/payermax/orders/{outTradeNo}/complete", new { paymentMethodType = "WALLET", targetOrg = "DANA" })).EnsureSuccessStatusCode();
        await system.DeliverWebhooksAsync();
        var balance = await console.GetFromJsonAsync<JsonElement>("/api/v1/balance");
        Assert.Equal("10.01", balance.GetProperty("available").GetProperty("amount").GetString());
    }
}
