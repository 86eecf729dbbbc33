using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class StripeTopUpTests
{
    private const string CheckFunds = "Ensure your bank card has sufficient funds or available credit.";
    private const string CheckCardDetails = "Verify that the card number, expiration date, and CVC code were entered correctly.";
    private const string CheckConnection = "Check your internet connection.";

    /// <summary>Each Stripe decline code: the ipocto code the customer sees, and a step of the guidance given.</summary>
    private static readonly Dictionary<string, (string Code, string Guidance)> Expected = new()
    {
        ["insufficient_funds"] = ("insufficient_funds", CheckFunds),
        ["incorrect_cvc"] = ("incorrect_cvc", CheckCardDetails),
        ["expired_card"] = ("expired_card", CheckCardDetails),
        ["generic_decline"] = ("card_declined", CheckFunds),
        ["processing_error"] = ("processing_error", CheckConnection),
        ["lost_card"] = ("lost_or_stolen_card", CheckFunds),
        ["stolen_card"] = ("lost_or_stolen_card", CheckFunds),
    };

    public static TheoryData<DatabaseProvider, string> Declines() => Databases.Times(Expected.Keys);

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_card_payment_credits_the_balance(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-card");

        var order = await system.PaidStripeTopUpAsync(console, "20.00");

        Assert.Equal("succeeded", order.Status());
        Assert.Equal("20.00", await console.BalanceAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task The_hosted_card_form_paid_with_4242_credits_the_balance(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-card-form");
        var topUp = await console.CreateTopUpAsync(TopUpRequest.StripeCard("35.50"));

        var browser = system.Browser();
        await browser.OpenAsync(topUp.PaymentUrl());
        await browser.SubmitFormAsync("/card", ("card_number", "4242 4242 4242 4242"), ("card_expiry", $"12 / {(system.Clock.GetUtcNow().Year + 2) % 100:00}"), ("card_cvc", "123"));
        Assert.True((int)browser.Status is 200 or 302 or 303, $"{browser.Status}");
        await system.DeliverWebhooksAsync();

        var order = await console.TopUpAsync(topUp.Id());
        Assert.Equal("succeeded", order.Status());
        Assert.Equal("35.50", await console.BalanceAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Declines))]
    public async Task A_declined_card_shows_the_code_and_guidance_and_a_retry_with_4242_pays(DatabaseProvider provider, string declineCode)
    {
        var (ipoctoCode, guidance) = Expected[declineCode];
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-decline");
        var topUp = await system.StripeTopUpAsync(console, "15.00");

        await system.DeclineStripeAsync(topUp, declineCode);

        var declined = await console.TopUpAsync(topUp.Id());
        Assert.Equal("awaiting_payment", declined.Status());
        var error = Assert.Single(declined.GetProperty("attempts").EnumerateArray()).GetProperty("error");
        Assert.Equal(ipoctoCode, error.GetProperty("code").GetString());
        Assert.Contains(guidance, error.GetProperty("guidance").GetString(), StringComparison.Ordinal);
        Assert.Equal("0.00", await console.BalanceAsync());

        await system.PayStripeAsync(topUp);

        var paid = await console.TopUpAsync(topUp.Id());
        Assert.Equal("succeeded", paid.Status());
        Assert.Single(paid.GetProperty("attempts").EnumerateArray());
        Assert.Equal("15.00", await console.BalanceAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task An_expired_checkout_session_ends_the_order_with_payment_expired(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-expire");
        var topUp = await system.StripeTopUpAsync(console);

        await system.SimulatorPostAsync($"/_simulator/stripe/sessions/{topUp.SessionId()}/expire");
        await system.DeliverWebhooksAsync();

        var order = await console.TopUpAsync(topUp.Id());
        Assert.Equal("expired", order.Status());
        Assert.Equal("payment_expired", order.GetProperty("failure").GetProperty("code").GetString());
        Assert.Equal("0.00", await console.BalanceAsync());
    }
}
