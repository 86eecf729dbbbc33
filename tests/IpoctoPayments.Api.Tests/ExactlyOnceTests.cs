using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class ExactlyOnceTests
{
    private const int Deliveries = 50;

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Fifty_concurrent_deliveries_of_one_payment_across_two_instances_credit_it_once(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-storm");
        var topUp = await console.CreateTopUpAsync(TopUpRequest.StripeCard("20.00"));

        // The simulator records the event but sends nothing: the test delivers it, fifty times at once.
        await system.SetFaultsAsync(new { webhooks = new { drop = true } }, topUp.SessionId());
        await system.SimulatorPostAsync($"/_simulator/stripe/sessions/{topUp.SessionId()}/complete", new { method = "card" });
        var payload = system.Delivery("stripe", "checkout.session.completed").Payload;
        var signature = StripeSignature.For(payload, PaymentsSystem.StripeWebhookSecret, system.Clock.GetUtcNow());
        PaymentsApiClient[] instances = [system.Anonymous(), system.AnotherInstance()];

        var answers = await Task.WhenAll(Enumerable.Range(0, Deliveries).Select(async i =>
        {
            using var request = StripeSignature.Webhook(payload, signature);
            var response = await instances[i % 2].SendAsync(request);
            return (response.StatusCode, Outcome: (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1, answers.Count(a => a.Outcome == "applied"));
        Assert.Equal(Deliveries - 1, answers.Count(a => a.Outcome == "duplicate"));
        Assert.Equal("20.00", await console.BalanceAsync());
        Assert.Single(await console.LedgerAsync());
    }
}
