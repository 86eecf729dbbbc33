using System.Net;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class PayerMaxTopUpTests
{
    /// <summary>Each PayerMax failure code: the ipocto code the customer sees, and a step of the guidance given.</summary>
    private static readonly Dictionary<string, (string Code, string Guidance)> Expected = new()
    {
        ["BALANCE_INSUFFICIENT"] = ("insufficient_funds", "Ensure your bank card has sufficient funds or available credit."),
        ["PAYMENT_CANCELED"] = ("payment_cancelled", "Wait a moment and try again."),
        ["RISK_FAILED"] = ("risk_rejected", "Wait a moment and try again."),
        ["PAYMENT_FAILED"] = ("wallet_failed", "Check your internet connection."),
    };

    public static TheoryData<DatabaseProvider, string> Failures() => Databases.Times(Expected.Keys);

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_gcash_payment_in_pesos_credits_the_balance_in_dollars(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-gcash");

        var order = await system.PaidPayerMaxTopUpAsync(console, "10.00");

        Assert.Equal("562.50", order.GetProperty("charge").GetProperty("amount").GetString());
        Assert.Equal("PHP", order.GetProperty("charge").GetProperty("currency").GetString());
        Assert.Equal("succeeded", order.Status());
        Assert.Equal("10.00", await console.BalanceAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Confirming_in_the_cashiers_wallet_app_credits_the_balance(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-cashier");
        var topUp = await console.CreateTopUpAsync(TopUpRequest.PayerMaxGcash("12.00"));

        var browser = system.Browser();
        await browser.FollowAsync(topUp.PaymentUrl().AbsoluteUri, "Pay with GCash", "Open wallet app");
        await browser.SubmitAsync("Confirm payment");
        Assert.Equal(HttpStatusCode.SeeOther, browser.Status);
        Assert.StartsWith(TopUpRequest.ReturnUrl, browser.ReturnedTo?.AbsoluteUri, StringComparison.Ordinal);
        await system.DeliverWebhooksAsync();

        Assert.Equal("succeeded", (await console.TopUpAsync(topUp.Id())).Status());
        Assert.Equal("12.00", await console.BalanceAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_payment_fails_the_order_with_the_code_and_guidance(DatabaseProvider provider, string payerMaxCode)
    {
        var (ipoctoCode, guidance) = Expected[payerMaxCode];
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-pm-fail");
        var topUp = await console.CreateTopUpAsync(TopUpRequest.PayerMaxGcash());

        await system.SimulatorPostAsync($"/_simulator/payermax/orders/{topUp.OutTradeNo()}/fail", new { code = payerMaxCode });
        await system.DeliverWebhooksAsync();

        var order = await console.TopUpAsync(topUp.Id());
        Assert.Equal("failed", order.Status());
        var failure = order.GetProperty("failure");
        Assert.Equal(ipoctoCode, failure.GetProperty("code").GetString());
        Assert.Contains(guidance, failure.GetProperty("guidance").GetString(), StringComparison.Ordinal);
        Assert.Equal("0.00", await console.BalanceAsync());
    }
}
