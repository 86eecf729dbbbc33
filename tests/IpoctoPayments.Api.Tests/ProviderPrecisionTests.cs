using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class ProviderPrecisionTests
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_top_up_with_cents_is_charged_in_whole_rupiah_as_payermax_takes_them(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-idr");

        var topUp = await console.CreateTopUpAsync(TopUpRequest.For("payermax", "ID", "dana", "10.01"));

        // 10.01 × 16250 = 162,662.50 IDR; PayerMax takes no decimals in IDR, so half to even: 162,662.
        var charge = topUp.GetProperty("charge");
        Assert.Equal(("162662.00", "IDR"), (charge.GetProperty("amount").GetString(), charge.GetProperty("currency").GetString()));
        await system.SimulatorPostAsync($"/_simulator/payermax/orders/{topUp.OutTradeNo()}/complete", new { paymentMethodType = "WALLET", targetOrg = "DANA" });
        await system.DeliverWebhooksAsync();
        Assert.Equal("10.01", await console.BalanceAsync());
    }
}
