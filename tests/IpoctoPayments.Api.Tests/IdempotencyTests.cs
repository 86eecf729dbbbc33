using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class IdempotencyTests
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task The_same_key_and_body_replays_the_first_top_up(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-idem");

        var first = await console.CreateTopUpAsync(TopUpRequest.StripeCard("20.00"), "topup-key-1");
        using var replay = await console.PostTopUpAsync(TopUpRequest.StripeCard("20.00"), "topup-key-1");

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        var replayed = await replay.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.Id(), replayed.Id());
        Assert.Equal(first.OrderNumber(), replayed.OrderNumber());
        Assert.Single(await console.TopUpsAsync());
        var sessions = await system.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/stripe/sessions");
        Assert.Equal(1, sessions.GetArrayLength());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task The_same_key_with_another_body_is_refused(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-idem-other");
        await console.CreateTopUpAsync(TopUpRequest.StripeCard("20.00"), "topup-key-2");

        using var other = await console.PostTopUpAsync(TopUpRequest.StripeCard("25.00"), "topup-key-2");

        await ApiAnswer.AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Single(await console.TopUpsAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Another_account_may_use_the_same_key(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);

        var a = await system.Console("acc-key-a").CreateTopUpAsync(TopUpRequest.StripeCard(), "shared-key");
        var b = await system.Console("acc-key-b").CreateTopUpAsync(TopUpRequest.StripeCard(), "shared-key");

        Assert.NotEqual(a.Id(), b.Id());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_provider_outage_answers_503_stores_nothing_and_a_retry_succeeds(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-outage");
        await system.SetFaultsAsync(new { stripe = new { failNextCalls = 5 } });

        using var refused = await console.PostTopUpAsync(TopUpRequest.StripeCard(), "outage-key");

        await ApiAnswer.AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "provider_unavailable");
        Assert.Empty(await console.TopUpsAsync());

        await system.SetFaultsAsync(new { stripe = new { failNextCalls = 0 } });
        var retried = await console.CreateTopUpAsync(TopUpRequest.StripeCard(), "outage-key");
        Assert.Equal("awaiting_payment", retried.Status());
        Assert.Single(await console.TopUpsAsync());
    }
}
