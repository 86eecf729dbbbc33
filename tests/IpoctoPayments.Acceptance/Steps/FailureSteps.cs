using System.Net;
using Reqnroll;
using Xunit;

namespace IpoctoPayments.Acceptance.Steps;

/// <summary>"The payment failed. What should I do?": a failed attempt, the code and guidance the customer sees, and the retry.</summary>
[Binding]
public sealed class FailureSteps(PaymentsWorld world, TopUpSteps topUp)
{
    // Stripe's documented test cards for each reason the guide's troubleshooting covers.
    private static readonly Dictionary<string, string> CardFor = new(StringComparer.Ordinal)
    {
        ["insufficient funds"] = "4000 0000 0000 9995",
        ["an incorrect CVC"] = "4000 0000 0000 0127",
        ["an expired card"] = "4000 0000 0000 0069",
        ["a generic decline"] = "4000 0000 0000 0002",
        ["a processing error"] = "4000 0000 0000 0119",
    };

    private string amount = "";

    [When(@"^the customer tops up (\S+) USD through Stripe by card and the payment fails because of (.+)$")]
    public async Task WhenThePaymentFails(string amount, string reason)
    {
        this.amount = amount;
        if (reason == "the provider being unavailable")
        {
            // Stripe answers every call with a server error for a while.
            await world.SetGlobalFaultAsync(new { stripe = new { failNextCalls = 100 } });
            var response = await world.StartTopUpAsync(amount, "USD", "stripe", "card");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            return;
        }

        await topUp.WhenTheCustomerStartsATopUp(amount, "USD", "Stripe");
        await topUp.WhenTheCustomerPaysByCard(CardFor[reason], "12/34", "123");
        Assert.Equal(HttpStatusCode.PaymentRequired, world.Browser.Status);
    }

    [Then("the customer sees the error code {string}")]
    public async Task ThenTheCustomerSeesTheCode(string code) => Assert.Equal(code, (await LastErrorAsync()).Code);

    [Then("the troubleshooting steps say {string}")]
    [Then("the troubleshooting steps end with {string}")]
    public async Task ThenTheGuidanceSays(string text) => Assert.Contains(text, (await LastErrorAsync()).Guidance, StringComparison.Ordinal);

    [When("the customer waits a moment and tries again with a card that works")]
    public async Task WhenTheCustomerTriesAgain()
    {
        if (world.StartError is not null)
        {
            // A moment later the provider is back, and the customer starts the top-up again.
            await world.ClearFaultsAsync();
            await topUp.WhenTheCustomerStartsATopUp(amount, "USD", "Stripe");
        }

        // After a decline the payment page stays open with the card form: the customer tries again on it.
        await topUp.WhenTheCustomerPaysByCard("4242 4242 4242 4242", "12/34", "123");
    }

    /// <summary>The error the console shows: why the top-up could not start, or the order's last declined attempt.</summary>
    private async Task<(string Code, string Guidance)> LastErrorAsync()
    {
        if (world.StartError is { } start)
        {
            return start;
        }

        var order = await world.RefreshOrderAsync();
        var attempts = order.GetProperty("attempts").EnumerateArray().ToList();
        Assert.True(attempts.Count > 0, $"The order shows no failed attempt: {order}");
        var error = attempts[^1].GetProperty("error");
        return (error.GetProperty("code").GetString()!, error.GetProperty("guidance").GetString()!);
    }
}
