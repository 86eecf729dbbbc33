using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Tests.Support;

namespace IpoctoPayments.Simulator.Tests.Stripe;

public sealed class ApiLatencyTests
{
    [Fact]
    public async Task Added_latency_holds_every_api_call_for_that_long_on_the_simulator_clock()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        sim.Service<FaultPlan>().SetGlobal(new FaultSettings { Stripe = new ApiFault { Latency = TimeSpan.FromSeconds(30) } });

        var call = sim.CreateSessionAsync();
        var advanced = TimeSpan.Zero;
        while (!call.IsCompleted && advanced < TimeSpan.FromMinutes(5))
        {
            // Yield so the request reaches its wait, then move the test clock on by a second.
            await Task.Delay(1);
            sim.Clock.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
        }

        var session = await call;
        Assert.Equal("open", session.Status);
        Assert.True(advanced >= TimeSpan.FromSeconds(30), $"answered after {advanced}");
    }
}
