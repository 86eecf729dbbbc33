using IpoctoPayments.Testing;
using Reqnroll;

namespace IpoctoPayments.Acceptance.Steps;

/// <summary>"How much can I top up?": time passing for the 24 hours, and a payment page left until it expires.</summary>
[Binding]
public sealed class LimitSteps(PaymentsWorld world)
{
    [When(@"^(\d+) hours? pass(?:es)?$")]
    public Task WhenHoursPass(int hours) => world.System.AdvanceAsync(TimeSpan.FromHours(hours));

    [When("the customer leaves the payment page until it expires")]
    public async Task WhenThePageExpires()
    {
        using var expired = await world.System.Simulator.PostAsync(new Uri($"/_simulator/stripe/sessions/{world.Order.SessionId()}/expire", UriKind.Relative), null);
        expired.EnsureSuccessStatusCode();
        await world.RefreshOrderAsync();
    }
}
