using System.Net;
using System.Text.Json;
using IpoctoPayments.Testing;
using Reqnroll;
using Xunit;

namespace IpoctoPayments.Acceptance.Steps;

/// <summary>Guide steps 1–5: the console starts a top-up, the customer pays on the provider's page and comes back.</summary>
[Binding]
public sealed class TopUpSteps(PaymentsWorld world)
{
    [Given(@"^a customer in (.+) with a balance of 0\.00 USD$")]
    public async Task GivenACustomerIn(string country)
    {
        await world.StartAsync();
        world.Country = Countries.CodeOf(country);
        Assert.Equal("0.00 USD", await world.BalanceAsync());
    }

    [Given(@"^the customer is now in (.+)$")]
    public void GivenTheCustomerMoves(string country) => world.Country = Countries.CodeOf(country);

    [When(@"^the customer clicks ""Balance Top-up"" for (\S+) (\w{3}) and selects (Stripe|PayerMax)$")]
    public Task WhenTheCustomerStartsATopUp(string amount, string currency, string provider) =>
        WhenTheCustomerStartsATopUpWith(amount, currency, provider, "card");

    [When(@"^the customer clicks ""Balance Top-up"" for (\S+) (\w{3}) and selects (Stripe|PayerMax) with (.+)$")]
    public async Task WhenTheCustomerStartsATopUpWith(string amount, string currency, string provider, string method)
    {
        var code = await MethodCodeAsync(provider, method);
        var response = await world.StartTopUpAsync(amount, currency, provider.ToLowerInvariant(), code);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"The top-up did not start: {world.StartError}");
        await world.Browser.OpenAsync(world.Order.PaymentUrl());
    }

    [Then("the customer is on a secure payment page that shows the amount {word} {word}")]
    public void ThenThePageShowsTheAmount(string amount, string currency)
    {
        Assert.Equal(HttpStatusCode.OK, world.Browser.Status);
        Assert.True(world.Browser.ShowsAmount(amount, currency), $"The page does not show {amount} {currency}:\n{world.Browser.Text}");
    }

    [Then("the page offers Apple Pay, Google Pay and card payment")]
    public void ThenThePageOffersWalletsAndCards()
    {
        var page = world.Browser.Text;
        Assert.Contains("Apple Pay", page, StringComparison.Ordinal);
        Assert.Contains("Google Pay", page, StringComparison.Ordinal);
        Assert.Contains("Card number", page, StringComparison.Ordinal);
        Assert.Contains("CVC", page, StringComparison.Ordinal);
    }

    [When(@"^the customer pays by card with number ([\d ]+), expiry (\d\d/\d\d) and CVC (\d+)$")]
    public async Task WhenTheCustomerPaysByCard(string number, string expiry, string cvc)
    {
        world.CardSecrets.Add(number.Replace(" ", "", StringComparison.Ordinal));
        world.CardSecrets.Add(cvc);
        world.CardExpiries.Add(expiry);
        var stripe = world.Browser.Html.Contains("name=\"card_number\"", StringComparison.Ordinal);
        (string, string)[] fields = stripe
            ? [("card_number", number), ("card_expiry", expiry), ("card_cvc", cvc)]
            : [("cardNumber", number), ("expiry", expiry), ("cvv", cvc), ("holder", "Ana Cruz")];
        await world.Browser.SubmitAsync("Pay", fields);
    }

    [When("the customer pays with {word} {word}")]
    public Task WhenTheCustomerPaysWithAWallet(string first, string second) => world.Browser.SubmitAsync($"{first} {second}");

    [Then("the payment page shows a QR code to scan with WeChat")]
    public async Task ThenThePageShowsAWeChatQrCode() => await AssertQrCodeAsync("WeChat Pay QR code");

    [When("the customer scans the QR code with WeChat")]
    public Task WhenTheCustomerScansWithWeChat() => world.Browser.ScanAsync();

    [When(@"^the customer chooses (.+)$")]
    public Task WhenTheCustomerChooses(string method) => world.Browser.FollowLinkAsync($"Pay with {method}");

    [Then("the page shows a QR code to pay with {word}")]
    public async Task ThenThePageShowsAQrCodeFor(string method) => await AssertQrCodeAsync($"QR code to pay with {method}");

    [When("the customer scans the QR code with the wallet")]
    public Task WhenTheCustomerScansWithTheWallet() => world.Browser.ScanAsync();

    [When("the customer opens the wallet app")]
    public Task WhenTheCustomerOpensTheWalletApp() => world.Browser.FollowLinkAsync("Open wallet app");

    [Then("the wallet app asks the customer to confirm the payment of {word} {word}")]
    public void ThenTheWalletAppAsksToConfirm(string amount, string currency)
    {
        Assert.Contains("wallet app", world.Browser.Text, StringComparison.Ordinal);
        Assert.True(world.Browser.ShowsAmount(amount, currency), world.Browser.Text);
    }

    [When("the customer confirms the payment in the wallet app")]
    public Task WhenTheCustomerConfirmsInTheWalletApp() => world.Browser.SubmitAsync("Confirm payment");

    [When("the customer continues to the bank")]
    public Task WhenTheCustomerContinuesToTheBank() => world.Browser.FollowLinkAsync("Continue to bank");

    [Then("the bank asks the customer to log in and authorise the payment of {word} {word}")]
    public void ThenTheBankAsksToLogIn(string amount, string currency)
    {
        var page = world.Browser.Text;
        Assert.Contains("Username", page, StringComparison.Ordinal);
        Assert.Contains("Password", page, StringComparison.Ordinal);
        Assert.True(world.Browser.ShowsAmount(amount, currency), page);
    }

    [When("the customer logs in to the bank and authorises the payment")]
    public Task WhenTheCustomerAuthorisesAtTheBank() =>
        world.Browser.SubmitAsync("Authorise", ("username", "ana.cruz"), ("password", "correct horse"));

    [Then("the customer is taken back to ipocto")]
    public void ThenTheCustomerIsBackAtIpocto()
    {
        var back = world.Browser.ReturnedTo;
        Assert.True(back is not null, $"The customer is still on {world.Browser.Url}:\n{world.Browser.Text}");
        Assert.StartsWith(TopUpRequest.ReturnUrl, back.ToString(), StringComparison.Ordinal);
    }

    [Then("ipocto shows the new balance of {word} {word}")]
    [Then("the balance shows {word} {word}")]
    [Then("the balance is still {word} {word}")]
    public async Task ThenTheBalanceIs(string amount, string currency) => Assert.Equal($"{amount} {currency}", await world.BalanceAsync());

    [Then(@"^the order shows as (.+)$")]
    public async Task ThenTheOrderShowsAs(string status)
    {
        var order = await world.RefreshOrderAsync();
        Assert.Equal(status.Replace(' ', '_'), order.GetProperty("status").GetString());
    }

    /// <summary>The console's own lookup: the method the customer picked, by the name the methods list shows.</summary>
    private async Task<string> MethodCodeAsync(string provider, string name)
    {
        var methods = await world.PaymentMethodsAsync(provider);
        var match = methods.GetProperty("offered").EnumerateArray().FirstOrDefault(m => PaymentsWorld.Named(m, name));
        Assert.True(match.ValueKind == JsonValueKind.Object, $"{name} is not offered in {world.Country}: {methods}");
        return match.GetProperty("code").GetString()!;
    }

    private async Task AssertQrCodeAsync(string alt)
    {
        var (bytes, type) = await world.Browser.ImageAsync(alt);
        Assert.Equal("image/png", type);
        Assert.True(bytes.AsSpan(1, 3).SequenceEqual("PNG"u8), "The QR code is not a PNG image.");
    }
}
