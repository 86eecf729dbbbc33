using System.Text.Json;
using IpoctoPayments.Testing;
using Reqnroll;
using Xunit;

namespace IpoctoPayments.Acceptance.Steps;

/// <summary>"How much can I top up?": the limits beside the amount, time passing for the 24 hours, and a payment page left until it expires.</summary>
[Binding]
public sealed class LimitSteps(PaymentsWorld world)
{
    private JsonElement limits;

    private string[] Amounts(params string[] names) => [.. names.Select(name => limits.GetProperty(name).GetProperty("amount").GetString()!)];

    [When(@"^(\d+) hours? pass(?:es)?$")]
    public Task WhenHoursPass(int hours) => world.System.AdvanceAsync(TimeSpan.FromHours(hours));

    [When("the customer looks at how much they can top up")]
    public async Task WhenTheCustomerLooks() => limits = await world.Console.TopUpLimitsAsync();

    [Then(@"^one top-up is (\S+) USD to (\S+) USD, and (\S+) USD in any 24 hours$")]
    public void ThenTheLimitsAre(string minimum, string maximum, string perDay) =>
        Assert.Equal([minimum, maximum, perDay], Amounts("minimumPerTopUp", "maximumPerTopUp", "maximumPer24Hours"));

    [Then(@"^(\S+) USD of the 24 hours is used and (\S+) USD is left, so one top-up can be at most (\S+) USD now$")]
    public void ThenWhatIsLeftIs(string used, string remaining, string largest) =>
        Assert.Equal([used, remaining, largest], Amounts("used", "remaining", "largestNow"));

    [When("the customer leaves the payment page until it expires")]
    public async Task WhenThePageExpires()
    {
        using var expired = await world.System.Simulator.PostAsync(new Uri($"/_simulator/stripe/sessions/{world.Order.SessionId()}/expire", UriKind.Relative), null);
        expired.EnsureSuccessStatusCode();
        await world.RefreshOrderAsync();
    }
}
