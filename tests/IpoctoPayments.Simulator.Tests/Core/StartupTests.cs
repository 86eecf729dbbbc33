using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.PayerMax;
using IpoctoPayments.Simulator.Tests.Support;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.Tests.Core;

public sealed class StartupTests
{
    [Fact]
    public async Task Missing_webhook_secrets_and_keys_are_generated_and_shown()
    {
        await using var sim = await SimulatorFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:Stripe:WebhookEndpoints:1:Url"] = "http://merchant.test/second",
            ["Simulator:PayerMax:MerchantPublicKey"] = "",
        });

        var options = sim.Service<IOptions<SimulatorOptions>>().Value;
        var generated = options.Stripe.WebhookEndpoints[1].Secret;
        var banner = sim.Service<SimulatorBanner>().Describe("http://127.0.0.1:12111");

        Assert.StartsWith("whsec_", generated, StringComparison.Ordinal);
        Assert.Equal(SimulatorFixture.StripeWebhookSecret, options.Stripe.WebhookEndpoints[0].Secret);
        Assert.Contains(generated!, banner, StringComparison.Ordinal);
        Assert.Contains(options.PayerMax.GeneratedMerchantPrivateKey!, banner, StringComparison.Ordinal);
        Assert.Contains(sim.Service<PayerMaxKeys>().SimulatorPublicKey, banner, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:12111/aggregate-pay/api/gateway", banner, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:12111/_simulator/dashboard", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_seeded_simulator_hands_out_the_same_ids_again_after_reset()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var ids = sim.Service<SimulatorIds>();

        var first = ids.Next("cs_test_");
        ids.Reset();

        Assert.Equal(first, ids.Next("cs_test_"));
        Assert.Matches("^cs_test_[0-9A-Za-z]{24}$", first);
    }
}
