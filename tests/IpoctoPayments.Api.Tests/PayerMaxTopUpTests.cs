using System.Net;
using System.Text.RegularExpressions;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed partial class PayerMaxTopUpTests
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
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var system = await PaymentsSystem.StartAsync(database);
        var console = system.Console("acc-gcash");

        var order = await system.PaidPayerMaxTopUpAsync(console, "10.00");

        Assert.Equal("562.50", order.GetProperty("charge").GetProperty("amount").GetString());
        Assert.Equal("PHP", order.GetProperty("charge").GetProperty("currency").GetString());
        Assert.Equal("succeeded", order.Status());
        Assert.Equal("10.00", await TopUpSteps.BalanceAsync(console));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Confirming_in_the_cashiers_wallet_app_credits_the_balance(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var system = await PaymentsSystem.StartAsync(database);
        var console = system.Console("acc-cashier");
        var topUp = await TopUpSteps.CreateAsync(console, TopUpSteps.PayerMaxGcash("12.00"));

        var cashier = await system.Simulator.GetStringAsync(topUp.GetProperty("paymentUrl").GetString());
        var methodPage = await system.Simulator.GetStringAsync(Link(cashier, "Pay with GCash"));
        var walletPage = await system.Simulator.GetStringAsync(Link(methodPage, "Open wallet app"));
        var confirm = ConfirmForm().Match(walletPage);
        Assert.True(confirm.Success, "the wallet app has a confirm form");
        using var back = await system.Simulator.PostAsync(WebUtility.HtmlDecode(confirm.Groups[1].Value), new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "confirm" }));
        Assert.Equal(HttpStatusCode.SeeOther, back.StatusCode);
        Assert.StartsWith(TopUpSteps.ReturnUrl, back.Headers.Location!.ToString(), StringComparison.Ordinal);
        await system.DeliverWebhooksAsync();

        Assert.Equal("succeeded", (await TopUpSteps.GetTopUpAsync(console, topUp.Id())).Status());
        Assert.Equal("12.00", await TopUpSteps.BalanceAsync(console));
    }

    [SkippableTheory]
    [MemberData(nameof(Failures))]
    public async Task A_failed_payment_fails_the_order_with_the_code_and_guidance(DatabaseProvider provider, string payerMaxCode)
    {
        var (ipoctoCode, guidance) = Expected[payerMaxCode];
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var system = await PaymentsSystem.StartAsync(database);
        var console = system.Console("acc-pm-fail");
        var topUp = await TopUpSteps.CreateAsync(console, TopUpSteps.PayerMaxGcash());

        await system.SimulatorPostAsync($"/_simulator/payermax/orders/{topUp.OutTradeNo()}/fail", new { code = payerMaxCode });
        await system.DeliverWebhooksAsync();

        var order = await TopUpSteps.GetTopUpAsync(console, topUp.Id());
        Assert.Equal("failed", order.Status());
        var failure = order.GetProperty("failure");
        Assert.Equal(ipoctoCode, failure.GetProperty("code").GetString());
        Assert.Contains(guidance, failure.GetProperty("guidance").GetString(), StringComparison.Ordinal);
        Assert.Equal("0.00", await TopUpSteps.BalanceAsync(console));
    }

    private static string Link(string html, string text)
    {
        var match = Regex.Match(html, $"<a [^>]*href=\"([^\"]+)\"[^>]*>{Regex.Escape(WebUtility.HtmlEncode(text))}</a>");
        Assert.True(match.Success, $"no link '{text}' in the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\">(?:(?!</form>).)*>Confirm payment</button>", RegexOptions.Singleline)]
    private static partial Regex ConfirmForm();
}
