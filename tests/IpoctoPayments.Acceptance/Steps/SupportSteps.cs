using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reqnroll;
using Xunit;

namespace IpoctoPayments.Acceptance.Steps;

/// <summary>"How to get help": the customer quotes the order number and the error code; support looks the order up.</summary>
[Binding]
public sealed partial class SupportSteps(PaymentsWorld world)
{
    private string orderNumber = "";
    private string errorCode = "";
    private JsonElement found;
    private HttpResponseMessage? lookup;

    [When("the customer writes down the order number and the error code")]
    public async Task WhenTheCustomerNotesTheOrder()
    {
        var order = await world.RefreshOrderAsync();
        orderNumber = order.GetProperty("orderNumber").GetString()!;
        errorCode = order.GetProperty("attempts").EnumerateArray().Last().GetProperty("error").GetProperty("code").GetString()!;
        // The payment page shows the same order number the customer writes down.
        Assert.Contains(orderNumber, world.Browser.Text, StringComparison.Ordinal);
    }

    [When("the customer contacts support quoting the order number")]
    public async Task WhenTheCustomerContactsSupport() => found = await world.SupportLookupAsync(orderNumber);

    [Then("support finds the customer's order for {word} {word}")]
    public void ThenSupportFindsTheOrder(string amount, string currency)
    {
        var topUp = found.GetProperty("topUp");
        Assert.Equal(orderNumber, topUp.GetProperty("orderNumber").GetString());
        Assert.Equal(world.AccountId, topUp.GetProperty("accountId").GetString());
        Assert.Equal(amount, topUp.GetProperty("amount").GetProperty("amount").GetString());
        Assert.Equal(currency, topUp.GetProperty("amount").GetProperty("currency").GetString());
    }

    [Then("support sees the error code the customer wrote down")]
    public void ThenSupportSeesTheErrorCode()
    {
        Assert.Contains(found.GetProperty("topUp").GetProperty("attempts").EnumerateArray(), a => a.GetProperty("error").GetProperty("code").GetString() == errorCode);
        Assert.Contains(found.GetProperty("timeline").EnumerateArray(), e => e.TryGetProperty("code", out var c) && c.GetString() == errorCode);
    }

    [Then("support sees in the timeline that the order was created, redirected to Stripe, declined once and paid")]
    public void ThenSupportSeesTheTimeline()
    {
        var kinds = found.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        LateCaptureSteps.AssertInOrder(kinds, "created", "redirected", "attempt_declined", "paid");
        Assert.Single(kinds, k => k == "attempt_declined");
    }

    [Then("the timeline holds no card number")]
    public void ThenTheTimelineHoldsNoCardNumber() =>
        Assert.DoesNotMatch(CardNumber(), found.GetProperty("timeline").ToString());

    [When("support looks up an order number that does not exist")]
    public async Task WhenSupportLooksUpAnUnknownNumber()
    {
        var existing = await world.SupportLookupAsync(await AnyOrderNumberAsync());
        var number = existing.GetProperty("topUp").GetProperty("orderNumber").GetString()!;
        // Another well-formed number: the last character changed.
        var unknown = number[..^1] + (number[^1] == 'X' ? 'Y' : 'X');
        lookup = await world.System.Support().GetAsync($"/api/v1/support/orders/{unknown}");
    }

    [Then("support is told that no top-up has that order number")]
    public async Task ThenSupportIsToldNoSuchOrder()
    {
        Assert.Equal(HttpStatusCode.NotFound, lookup!.StatusCode);
        Assert.Contains("order_not_found", await lookup.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> AnyOrderNumberAsync()
    {
        await world.StartTopUpAsync("5.00", "USD", "stripe", "card");
        return world.Order.GetProperty("orderNumber").GetString()!;
    }

    [GeneratedRegex(@"\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{1,4}")]
    private static partial Regex CardNumber();
}
