using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Common.Idempotency;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;

namespace IpoctoPayments.Api.Tests;

public sealed class IdempotencyTests
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task The_same_key_and_body_replays_the_first_answer_as_it_was_after_the_top_up_has_moved_on(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-idem");
        using var first = await console.PostTopUpAsync(TopUpRequest.StripeCard("20.00"), "topup-key-1");
        var firstBody = await first.Content.ReadAsStringAsync();
        var topUp = JsonDocument.Parse(firstBody).RootElement.Clone();
        await system.PayStripeAsync(topUp);
        Assert.Equal("succeeded", (await console.TopUpAsync(topUp.Id())).Status());

        using var replay = await console.PostTopUpAsync(TopUpRequest.StripeCard("20.00"), "topup-key-1");

        // Stripe's rule: the first answer, status and body byte for byte, not the order as it is now.
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, replay.StatusCode));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(firstBody, await replay.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Single(await console.TopUpsAsync());
        var sessions = await system.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/stripe/sessions");
        Assert.Equal(1, sessions.GetArrayLength());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_retry_while_the_first_request_waits_for_the_provider_is_409_and_then_gets_the_first_answer(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-idem-in-use");
        // Stripe answers after ten seconds of the shared clock: the first request waits there for as long as the test keeps the clock still.
        await system.SetFaultsAsync(new { stripe = new { latency = TimeSpan.FromSeconds(10) } });
        var running = console.PostTopUpAsync(TopUpRequest.StripeCard("20.00"), "in-use-key");
        await UntilAsync(async () => await system.InDatabaseAsync(db => db.Set<IdempotencyKeyRecord>().CountAsync()) == 1, "the first request claims its key");

        using var meanwhile = await console.PostTopUpAsync(TopUpRequest.StripeCard("20.00"), "in-use-key");

        await ApiAnswer.AssertProblemAsync(meanwhile, HttpStatusCode.Conflict, "idempotency_key_in_use");
        Assert.False(running.IsCompleted);
        system.Clock.Advance(TimeSpan.FromSeconds(10));
        using var first = await running;
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var retried = await console.PostTopUpAsync(TopUpRequest.StripeCard("20.00"), "in-use-key");
        Assert.Equal((HttpStatusCode.Created, await first.Content.ReadAsStringAsync()), (retried.StatusCode, await retried.Content.ReadAsStringAsync()));
        Assert.Single(await console.TopUpsAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_key_expires_after_24_hours_and_then_names_a_new_request(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-idem-expiry");
        var first = await console.CreateTopUpAsync(TopUpRequest.StripeCard("20.00"), "daily-key");

        system.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        using var stillHeld = await console.PostTopUpAsync(TopUpRequest.StripeCard("25.00"), "daily-key");
        await ApiAnswer.AssertProblemAsync(stillHeld, HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");

        system.Clock.Advance(TimeSpan.FromMinutes(1));
        using var afterwards = await console.PostTopUpAsync(TopUpRequest.StripeCard("25.00"), "daily-key");

        Assert.Equal(HttpStatusCode.Created, afterwards.StatusCode);
        Assert.False(afterwards.Headers.Contains("Idempotent-Replayed"));
        var second = await afterwards.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(first.Id(), second.Id());
        Assert.Equal("25.00", second.GetProperty("amount").GetProperty("amount").GetString());
        Assert.Equal(2, (await console.TopUpsAsync()).Length);
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Expired_keys_are_removed_by_the_cleanup_job_and_live_ones_are_kept(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider, new Dictionary<string, string?> { ["Idempotency:CleanupInterval"] = "01:00:00" });
        var console = system.Console("acc-idem-cleanup");
        await console.CreateTopUpAsync(TopUpRequest.StripeCard("20.00"), "old-key");
        system.Clock.Advance(TimeSpan.FromHours(12));
        await console.CreateTopUpAsync(TopUpRequest.StripeCard("20.00"), "young-key");

        system.Clock.Advance(TimeSpan.FromHours(13));

        await UntilAsync(async () => await KeysAsync(system) is ["young-key"], "the job removes the expired key");
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_refund_retried_after_it_succeeded_gets_its_first_answer_and_refunds_once(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-idem-refund");
        var topUp = await system.PaidStripeTopUpAsync(console, "20.00");
        using var first = await system.Admin().PostRefundAsync(topUp.Id(), "5.00", "refund-key-1");
        var firstBody = await first.Content.ReadAsStringAsync();
        await system.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.Equal("succeeded", (await console.TopUpAsync(topUp.Id())).GetProperty("refunds")[0].Status());

        using var replay = await system.Admin().PostRefundAsync(topUp.Id(), "5.00", "refund-key-1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, replay.StatusCode));
        Assert.Equal("true", Assert.Single(replay.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(firstBody, await replay.Content.ReadAsStringAsync());
        Assert.Equal("15.00", await console.BalanceAsync());
        Assert.Single((await console.TopUpAsync(topUp.Id())).GetProperty("refunds").EnumerateArray());
    }

    private static Task<string[]> KeysAsync(PaymentsSystem system) =>
        system.InDatabaseAsync(db => db.Set<IdempotencyKeyRecord>().Select(k => k.Key).ToArrayAsync());

    /// <summary>Waits for what another thread does (a request, a background job), with a wall-clock bound only against a hang.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, $"Waited 30 s for {what}.");
            await Task.Delay(10);
        }
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
