using System.Net;
using System.Text.Json;
using Reqnroll;
using Xunit;

namespace IpoctoPayments.Acceptance.Steps;

/// <summary>"Why can't I see the payment method I want to use?": the console asks which methods the customer's country has.</summary>
[Binding]
public sealed class MethodSteps(PaymentsWorld world)
{
    private JsonElement methods;

    [When("the customer asks which payment methods they can use")]
    public async Task WhenTheCustomerAsks() => methods = await world.PaymentMethodsAsync();

    [Then(@"^(.+) through (Stripe|PayerMax) is among them$")]
    public void ThenTheMethodIsOffered(string method, string provider)
    {
        var offered = Offered(method);
        Assert.True(offered.ValueKind == JsonValueKind.Object, $"{method} is not offered in {world.Country}: {methods}");
        Assert.Equal(provider.ToLowerInvariant(), offered.GetProperty("provider").GetString());
    }

    [Then(@"^it is paid by (a card form|scanning a QR code|a redirect)$")]
    public void ThenItIsPaidBy(string flow)
    {
        var expected = flow switch
        {
            "a card form" => "form",
            "scanning a QR code" => "qr_code",
            _ => "redirect",
        };
        Assert.Equal(expected, LastOffered.GetProperty("flow").GetString());
    }

    [Then(@"^it takes (\S+) (\w{3}) to (\S+) (\w{3}) in one payment$")]
    public void ThenItTakes(string minimum, string minimumCurrency, string maximum, string maximumCurrency) =>
        Assert.Equal($"{minimum} {minimumCurrency} to {maximum} {maximumCurrency}",
            $"{Bound("minimum")} to {Bound("maximum")}");

    [Then(@"^(.+) is not among them$")]
    public void ThenTheMethodIsNotOffered(string method) =>
        Assert.True(Offered(method).ValueKind == JsonValueKind.Undefined, $"{method} is offered in {world.Country}: {methods}");

    [Then(@"^the explanation for (.+) says ""(.+)""$")]
    public void ThenTheExplanationSays(string method, string explanation)
    {
        var absent = methods.GetProperty("unavailable").EnumerateArray()
            .FirstOrDefault(m => PaymentsWorld.Named(m, method));
        Assert.True(absent.ValueKind == JsonValueKind.Object, $"{method} is neither offered nor explained in {world.Country}: {methods}");
        Assert.Contains(explanation, absent.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [When(@"^the customer tries to top up (\S+) (\w{3}) through (Stripe|PayerMax) with (.+)$")]
    public async Task WhenTheCustomerTriesAMethod(string amount, string currency, string provider, string method)
    {
        // The method as the console knows it, offered here or not.
        var listed = await world.PaymentMethodsAsync();
        var code = listed.GetProperty("offered").EnumerateArray().Concat(listed.GetProperty("unavailable").EnumerateArray())
            .First(m => PaymentsWorld.Named(m, method)).GetProperty("code").GetString();
        var response = await world.StartTopUpAsync(amount, currency, provider.ToLowerInvariant(), code);
        Assert.NotEqual(HttpStatusCode.Created, response.StatusCode);
    }

    [Then("the top-up does not start and the customer sees the error code {string}")]
    public void ThenTheTopUpDoesNotStart(string code) => Assert.Equal(code, world.StartError?.Code);

    [Then("the message says {string}")]
    public void ThenTheMessageSays(string message) => Assert.Contains(message, world.StartError?.Message, StringComparison.Ordinal);

    private JsonElement LastOffered { get; set; }

    private string Bound(string name)
    {
        var bound = LastOffered.GetProperty(name);
        return bound.ValueKind == JsonValueKind.Object ? PaymentsWorld.Written(bound) : "none";
    }

    private JsonElement Offered(string method)
    {
        LastOffered = methods.GetProperty("offered").EnumerateArray().FirstOrDefault(m => PaymentsWorld.Named(m, method));
        return LastOffered;
    }
}
