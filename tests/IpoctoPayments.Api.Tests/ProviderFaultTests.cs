using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

/// <summary>
/// A provider that is down, times out, loses its answer or crawls: the console gets a clear answer, nothing half-made is
/// kept, a retry never opens a second session, and the rest of the API keeps answering. Every wait runs on the shared
/// fake clock, which the tests move.
/// </summary>
public sealed class ProviderFaultTests
{
    public static TheoryData<DatabaseProvider, string> Outages => Databases.Times(["stripe/ServerError", "stripe/Timeout", "payermax/ServerError"]);

    [SkippableTheory]
    [MemberData(nameof(Outages))]
    public async Task An_outage_answers_503_keeps_no_order_and_the_same_key_later_makes_exactly_one(DatabaseProvider provider, string outage)
    {
        var (providerName, mode) = (outage.Split('/')[0], outage.Split('/')[1]);
        await using var system = await PaymentsSystem.StartAsync(provider, WithBackoff);
        StartOfPaymentWindow(system);
        var console = system.Console($"acc-outage-{providerName}-{mode}");
        var request = providerName == "stripe" ? TopUpRequest.StripeCard() : TopUpRequest.PayerMaxGcash();
        await system.SetFaultsAsync(new Dictionary<string, object> { [providerName] = new { failNextCalls = 100, mode } });

        using var refused = await DriveClockAsync(system, console.PostTopUpAsync(request, "outage-key"));

        await ApiAnswer.AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "provider_unavailable");
        Assert.Empty(await console.TopUpsAsync());
        // A refused call opened nothing; a timed-out one may have, but its retries (same key) opened nothing more.
        Assert.Equal(mode == "Timeout" ? 1 : 0, await ProviderSessionsAsync(system, providerName));

        var faults = await system.Simulator.DeleteAsync("/_simulator/faults");
        Assert.True(faults.IsSuccessStatusCode);
        var created = await console.CreateTopUpAsync(request, "outage-key");

        Assert.Equal("awaiting_payment", created.Status());
        Assert.Single(await console.TopUpsAsync());
        Assert.Equal(1, await ProviderSessionsAsync(system, providerName));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_lost_stripe_answer_is_retried_with_the_same_key_and_opens_one_session(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider, WithBackoff);
        StartOfPaymentWindow(system);
        var console = system.Console("acc-lost-answer");
        // The simulator opens the session, then never answers: only the attempt timeout ends the wait.
        await system.SetFaultsAsync(new { stripe = new { failNextCalls = 1, mode = "Timeout" } });

        using var response = await DriveClockAsync(system, console.PostTopUpAsync(TopUpRequest.StripeCard()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var topUp = await response.Content.ReadFromJsonAsync<JsonElement>();
        var session = Assert.Single((await system.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/stripe/sessions")).EnumerateArray());
        Assert.Equal(session.GetProperty("id").GetString(), topUp.SessionId());
        Assert.Equal(0, (await FaultsAsync(system)).GetProperty("stripe").GetProperty("failNextCalls").GetInt32());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_lost_payermax_answer_never_opens_a_second_order(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider, WithBackoff);
        var console = system.Console("acc-lost-payermax");
        await system.SetFaultsAsync(new { payermax = new { failNextCalls = 1, mode = "Timeout" } });

        using var lost = await DriveClockAsync(system, console.PostTopUpAsync(TopUpRequest.PayerMaxGcash(), "lost-key"));
        using var again = await console.PostTopUpAsync(TopUpRequest.PayerMaxGcash(), "lost-key");

        await ApiAnswer.AssertProblemAsync(lost, HttpStatusCode.ServiceUnavailable, "provider_unavailable");
        var problem = await ApiAnswer.ProblemAsync(again);
        Assert.True(again.StatusCode is not HttpStatusCode.Created and < HttpStatusCode.InternalServerError, $"{(int)again.StatusCode}: {problem}");
        Assert.Empty(await console.TopUpsAsync());
        Assert.Equal(1, await ProviderSessionsAsync(system, "payermax"));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task The_breaker_opens_after_repeated_failures_answers_without_calling_and_closes_after_the_break(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider, new Dictionary<string, string?>
        {
            ["ProviderResilience:BreakerMinimumThroughput"] = "4",
            ["ProviderResilience:BreakDuration"] = "00:00:15",
        });
        var console = system.Console("acc-breaker");
        await system.SetFaultsAsync(new { stripe = new { failNextCalls = 100 } });

        // Three attempts each (the first and two retries); the fourth failure in the window opens the circuit.
        for (var i = 0; i < 2; i++)
        {
            using var failed = await console.PostTopUpAsync(TopUpRequest.StripeCard());
            await ApiAnswer.AssertProblemAsync(failed, HttpStatusCode.ServiceUnavailable, "provider_unavailable");
        }

        var callsLeft = (await FaultsAsync(system)).GetProperty("stripe").GetProperty("failNextCalls").GetInt32();
        Assert.Equal(96, callsLeft);
        using (var open = await console.PostTopUpAsync(TopUpRequest.StripeCard()))
        {
            await ApiAnswer.AssertProblemAsync(open, HttpStatusCode.ServiceUnavailable, "provider_unavailable");
        }

        Assert.Equal(callsLeft, (await FaultsAsync(system)).GetProperty("stripe").GetProperty("failNextCalls").GetInt32());
        Assert.Equal("awaiting_payment", (await console.CreateTopUpAsync(TopUpRequest.PayerMaxGcash())).Status());

        // Stripe is back, but the open circuit does not know yet: still refused, still no call.
        Assert.True((await system.Simulator.DeleteAsync("/_simulator/faults")).IsSuccessStatusCode);
        using (var stillOpen = await console.PostTopUpAsync(TopUpRequest.StripeCard()))
        {
            await ApiAnswer.AssertProblemAsync(stillOpen, HttpStatusCode.ServiceUnavailable, "provider_unavailable");
        }

        Assert.Equal(0, await ProviderSessionsAsync(system, "stripe"));
        system.Clock.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal("awaiting_payment", (await console.CreateTopUpAsync(TopUpRequest.StripeCard())).Status());
        Assert.Equal("awaiting_payment", (await console.CreateTopUpAsync(TopUpRequest.StripeCard())).Status());
        Assert.Equal(2, await ProviderSessionsAsync(system, "stripe"));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_slow_provider_holds_only_its_own_requests(DatabaseProvider provider)
    {
        const int Held = 32;
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-slow-stripe");
        await system.SetFaultsAsync(new { stripe = new { latency = "00:00:05" } });

        // More held requests than the machine has pool threads to start with: a blocked thread per request would show.
        var slow = Enumerable.Range(0, Held).Select(_ => console.PostTopUpAsync(TopUpRequest.StripeCard())).ToArray();

        Assert.Equal("0.00", await console.BalanceAsync());
        using (var methods = await console.GetAsync("/api/v1/payment-methods?country=PH"))
        {
            Assert.Equal(HttpStatusCode.OK, methods.StatusCode);
        }

        Assert.Equal("awaiting_payment", (await console.CreateTopUpAsync(TopUpRequest.PayerMaxGcash())).Status());
        Assert.Single(await console.TopUpsAsync());
        Assert.DoesNotContain(slow, t => t.IsCompleted);

        var answers = await DriveClockAsync(system, Task.WhenAll(slow));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(Held + 1, (await console.TopUpsAsync(100)).Length);
    }

    /// <summary>Production's backoff, on the fake clock.</summary>
    private static Dictionary<string, string?> WithBackoff => new() { ["ProviderResilience:RetryDelay"] = "00:00:00.500" };

    /// <summary>
    /// Moves the shared clock a second at a time until the call ends: its waits (attempt timeouts, backoff, the simulator's
    /// latency or lost answer) run on that clock, so only moving it lets them pass. The short real wait between steps only
    /// lets the call reach its next wait.
    /// </summary>
    private static async Task<T> DriveClockAsync<T>(PaymentsSystem system, Task<T> call)
    {
        for (var step = 0; step < 120 && !call.IsCompleted; step++)
        {
            system.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(call, Task.Delay(TimeSpan.FromMilliseconds(100)));
        }

        Assert.True(call.IsCompleted, "the call did not end within 120 s on the test clock");
        return await call;
    }

    /// <summary>
    /// Moves the clock to the start of a ten-minute payment window: a top-up sends the provider an expiry rounded to that
    /// window, so a retry within it asks for exactly the same session.
    /// </summary>
    private static void StartOfPaymentWindow(PaymentsSystem system)
    {
        var window = TimeSpan.FromMinutes(10).Ticks;
        system.Clock.Advance(TimeSpan.FromTicks(window - (system.Clock.GetUtcNow().UtcTicks % window)));
    }

    private static async Task<int> ProviderSessionsAsync(PaymentsSystem system, string provider) =>
        (await system.Simulator.GetFromJsonAsync<JsonElement>(provider == "stripe" ? "/_simulator/stripe/sessions" : "/_simulator/payermax/orders")).GetArrayLength();

    private static async Task<JsonElement> FaultsAsync(PaymentsSystem system) =>
        (await system.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/faults")).GetProperty("global");
}
