using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IpoctoPayments.Api.Tests;

/// <summary>
/// An admin works the open disputes: lists them, answers one with evidence or accepts it. The answer is recorded and
/// answered 202 at once; the provider hears of it after the commit, once, and the top-up moves with the provider's answer
/// before any webhook says so.
/// </summary>
public sealed partial class DisputeAdminTests
{
    private static readonly TimeSpan DecisionDelay = TimeSpan.FromMinutes(5);

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Winning_evidence_puts_the_dispute_under_review_at_once_and_the_won_dispute_gives_the_balance_back(DatabaseProvider provider)
    {
        var calls = new StripeDisputeCalls();
        await using var system = await StartAsync(provider, calls);
        var console = system.Console("acc-dispute-win");
        var topUp = await DisputedTopUpAsync(system, console);
        Assert.Equal("0.00", await console.BalanceAsync());

        var open = Assert.Single(await system.Admin().OpenDisputesAsync());
        Assert.Equal(topUp.GetProperty("orderNumber").GetString(), open.GetProperty("orderNumber").GetString());
        Assert.Equal(("acc-dispute-win", "stripe"), (open.GetProperty("accountId").GetString(), open.GetProperty("provider").GetString()));
        var dispute = open.GetProperty("dispute");
        Assert.Equal(("needs_response", "fraudulent", "20.00"), (dispute.Status(), dispute.GetProperty("reason").GetString(), dispute.GetProperty("amount").GetProperty("amount").GetString()));
        Assert.StartsWith("dp_", dispute.GetProperty("providerDisputeId").GetString(), StringComparison.Ordinal);
        var disputeId = dispute.Id();

        using var response = await system.Admin().PostDisputeEvidenceAsync(disputeId, "winning_evidence");

        var answered = (await ApiAnswer.ReadAsync(response, HttpStatusCode.Accepted)).GetProperty("dispute");
        Assert.Equal("needs_response", answered.Status());
        Assert.NotEqual(JsonValueKind.Null, answered.GetProperty("evidenceSubmittedAt").ValueKind);
        Assert.Equal(0, calls.Evidence);

        Assert.Equal(1, await system.DispatchDisputeActionsAsync());
        Assert.Equal(1, calls.Evidence);
        var atStripe = await StripeDisputeAsync(system, dispute.GetProperty("providerDisputeId").GetString()!);
        Assert.Equal("winning_evidence", atStripe.GetProperty("evidence").GetProperty("uncategorized_text").GetString());
        Assert.Equal(1, atStripe.GetProperty("evidence_details").GetProperty("submission_count").GetInt32());
        Assert.Equal("under_review", (await DisputeOnTopUpAsync(console, topUp)).Status());

        await system.AdvanceAsync(DecisionDelay);

        Assert.Equal("won", (await DisputeOnTopUpAsync(console, topUp)).Status());
        Assert.Equal("20.00", await console.BalanceAsync());
        Assert.Empty(await system.Admin().OpenDisputesAsync());
        Assert.Equal(1, calls.Evidence);
        Assert.Empty(system.TakeProviderCallsInTransaction());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Losing_evidence_leaves_the_disputed_money_off_the_balance(DatabaseProvider provider)
    {
        await using var system = await StartAsync(provider, new StripeDisputeCalls());
        var console = system.Console("acc-dispute-lose");
        var topUp = await DisputedTopUpAsync(system, console);
        var disputeId = (await DisputeOnTopUpAsync(console, topUp)).Id();

        using var response = await system.Admin().PostDisputeEvidenceAsync(disputeId, "losing_evidence");
        await ApiAnswer.ReadAsync(response, HttpStatusCode.Accepted);
        await system.AdvanceAsync(DecisionDelay);

        Assert.Equal("lost", (await DisputeOnTopUpAsync(console, topUp)).Status());
        Assert.Equal("0.00", await console.BalanceAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Accepting_closes_the_dispute_as_lost_with_one_call_and_accepting_again_answers_the_same(DatabaseProvider provider)
    {
        var calls = new StripeDisputeCalls();
        await using var system = await StartAsync(provider, calls);
        var console = system.Console("acc-dispute-accept");
        var topUp = await DisputedTopUpAsync(system, console);
        var disputeId = (await DisputeOnTopUpAsync(console, topUp)).Id();

        using var first = await system.Admin().PostDisputeAcceptAsync(disputeId);
        var accepted = (await ApiAnswer.ReadAsync(first, HttpStatusCode.Accepted)).GetProperty("dispute");
        Assert.True(accepted.GetProperty("accepted").GetBoolean());
        Assert.Equal(0, calls.Closes);
        Assert.Equal(1, await system.DispatchDisputeActionsAsync());
        Assert.Equal(1, calls.Closes);
        Assert.Equal("lost", (await DisputeOnTopUpAsync(console, topUp)).Status());

        using var again = await system.Admin().PostDisputeAcceptAsync(disputeId);
        var acceptedAgain = (await ApiAnswer.ReadAsync(again, HttpStatusCode.Accepted)).GetProperty("dispute");
        Assert.Equal((true, "lost"), (acceptedAgain.GetProperty("accepted").GetBoolean(), acceptedAgain.Status()));
        await system.DeliverWebhooksAsync();

        Assert.Equal(1, calls.Closes);
        Assert.Equal("lost", (await DisputeOnTopUpAsync(console, topUp)).Status());
        Assert.Equal("0.00", await console.BalanceAsync());
        Assert.Empty(await system.Admin().OpenDisputesAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Evidence_is_taken_once_and_not_after_the_dispute_closed(DatabaseProvider provider)
    {
        var calls = new StripeDisputeCalls();
        await using var system = await StartAsync(provider, calls);
        var console = system.Console("acc-dispute-twice");
        var topUp = await DisputedTopUpAsync(system, console);
        var disputeId = (await DisputeOnTopUpAsync(console, topUp)).Id();
        using var first = await system.Admin().PostDisputeEvidenceAsync(disputeId, "losing_evidence");
        await ApiAnswer.ReadAsync(first, HttpStatusCode.Accepted);

        using var second = await system.Admin().PostDisputeEvidenceAsync(disputeId, "winning_evidence");
        await ApiAnswer.AssertProblemAsync(second, HttpStatusCode.Conflict, "dispute_under_review");

        await system.AdvanceAsync(DecisionDelay);
        using var late = await system.Admin().PostDisputeEvidenceAsync(disputeId, "winning_evidence");
        await ApiAnswer.AssertProblemAsync(late, HttpStatusCode.Conflict, "dispute_closed");
        using var acceptLate = await system.Admin().PostDisputeAcceptAsync(disputeId);
        await ApiAnswer.AssertProblemAsync(acceptLate, HttpStatusCode.Conflict, "dispute_closed");
        Assert.Equal((1, 0), (calls.Evidence, calls.Closes));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Evidence_stripe_cannot_take_now_is_sent_once_when_it_can(DatabaseProvider provider)
    {
        var calls = new StripeDisputeCalls();
        await using var system = await StartAsync(provider, calls);
        var console = system.Console("acc-dispute-down");
        var topUp = await DisputedTopUpAsync(system, console);
        var disputeId = (await DisputeOnTopUpAsync(console, topUp)).Id();

        // Each send is tried three times in a row (the provider pipeline's retries): all three fail.
        await system.SetFaultsAsync(new { stripe = new { failNextCalls = 3 } });
        using var response = await system.Admin().PostDisputeEvidenceAsync(disputeId, "winning_evidence");
        await ApiAnswer.ReadAsync(response, HttpStatusCode.Accepted);
        Assert.Equal(1, await system.DispatchDisputeActionsAsync());
        Assert.Equal((3, 0), (calls.Failures, calls.Evidence));
        Assert.Equal("needs_response", (await DisputeOnTopUpAsync(console, topUp)).Status());
        Assert.Equal(0, await system.DispatchDisputeActionsAsync());

        // The first retry waits ten seconds.
        await system.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, calls.Evidence);
        Assert.Equal("under_review", (await DisputeOnTopUpAsync(console, topUp)).Status());
        await system.AdvanceAsync(DecisionDelay);
        Assert.Equal("won", (await DisputeOnTopUpAsync(console, topUp)).Status());
        Assert.Equal(1, calls.Evidence);
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Evidence_that_is_empty_too_long_or_holds_control_characters_is_refused_and_nothing_is_sent(DatabaseProvider provider)
    {
        var calls = new StripeDisputeCalls();
        await using var system = await StartAsync(provider, calls);
        var console = system.Console("acc-dispute-bad");
        var topUp = await DisputedTopUpAsync(system, console);
        var disputeId = (await DisputeOnTopUpAsync(console, topUp)).Id();

        foreach (var text in new[] { null, "", "   ", new string('x', 20_001), "paid\u0000twice" })
        {
            using var response = await system.Admin().PostDisputeEvidenceAsync(disputeId, text);
            await ApiAnswer.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_evidence");
        }

        using var lines = await system.Admin().PostDisputeEvidenceAsync(disputeId, "Signed in from the usual device.\r\nSpent the balance the same day.\n" + new string('x', 19_900));
        await ApiAnswer.ReadAsync(lines, HttpStatusCode.Accepted);
        using var noLimit = await system.Admin().GetAsync(new Uri("/api/v1/disputes?limit=0", UriKind.Relative));
        await ApiAnswer.AssertProblemAsync(noLimit, HttpStatusCode.BadRequest, "invalid_limit");
        Assert.Equal(1, await system.DispatchDisputeActionsAsync());
        Assert.Equal(1, calls.Evidence);
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task An_unknown_dispute_is_not_found_and_only_admins_answer_disputes(DatabaseProvider provider)
    {
        await using var system = await StartAsync(provider, new StripeDisputeCalls());
        var console = system.Console("acc-dispute-scope");
        var topUp = await DisputedTopUpAsync(system, console);
        var disputeId = (await DisputeOnTopUpAsync(console, topUp)).Id();
        var unknown = Guid.NewGuid().ToString();

        using var evidence = await system.Admin().PostDisputeEvidenceAsync(unknown, "winning_evidence");
        await ApiAnswer.AssertProblemAsync(evidence, HttpStatusCode.NotFound, "dispute_not_found");
        using var accept = await system.Admin().PostDisputeAcceptAsync(unknown);
        await ApiAnswer.AssertProblemAsync(accept, HttpStatusCode.NotFound, "dispute_not_found");

        foreach (var caller in new[] { console, system.Support(), system.Billing() })
        {
            using var list = await caller.GetAsync(new Uri("/api/v1/disputes", UriKind.Relative));
            await ApiAnswer.AssertProblemAsync(list, HttpStatusCode.Forbidden, "forbidden");
            using var answer = await caller.PostDisputeEvidenceAsync(disputeId, "winning_evidence");
            await ApiAnswer.AssertProblemAsync(answer, HttpStatusCode.Forbidden, "forbidden");
            using var acceptAsCaller = await caller.PostDisputeAcceptAsync(disputeId);
            await ApiAnswer.AssertProblemAsync(acceptAsCaller, HttpStatusCode.Forbidden, "forbidden");
        }

        Assert.Equal("needs_response", (await DisputeOnTopUpAsync(console, topUp)).Status());
        Assert.Equal(0, await system.DispatchDisputeActionsAsync());
    }

    private static Task<PaymentsSystem> StartAsync(DatabaseProvider provider, StripeDisputeCalls calls) =>
        PaymentsSystem.StartAsync(provider, services: services =>
            services.AddHttpClient(DependencyInjection.StripeHttpClient).AddHttpMessageHandler(calls.NewProbe));

    /// <summary>A 20.00 Stripe top-up paid with the card whose payment is disputed as fraudulent at once; its webhooks delivered.</summary>
    private static async Task<JsonElement> DisputedTopUpAsync(PaymentsSystem system, PaymentsApiClient console)
    {
        var topUp = await console.CreateTopUpAsync(TopUpRequest.StripeCard("20.00"));
        await system.SimulatorPostAsync($"/_simulator/stripe/sessions/{topUp.SessionId()}/complete", new { method = "card", cardNumber = "4000000000000259" });
        await system.DeliverWebhooksAsync();
        return await console.TopUpAsync(topUp.Id());
    }

    private static async Task<JsonElement> DisputeOnTopUpAsync(PaymentsApiClient console, JsonElement topUp) =>
        Assert.Single((await console.TopUpAsync(topUp.Id())).GetProperty("disputes").EnumerateArray());

    /// <summary>The dispute as Stripe (the simulator) keeps it, read as any Stripe client would.</summary>
    private static async Task<JsonElement> StripeDisputeAsync(PaymentsSystem system, string providerDisputeId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/disputes/{providerDisputeId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_ipocto_integration");
        using var response = await system.Simulator.SendAsync(request);
        return await ApiAnswer.ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>
    /// Counts the dispute calls the API makes to Stripe as they leave its client (after its retry pipeline: each attempt):
    /// evidence and closes Stripe took, and calls it failed.
    /// </summary>
    private sealed partial class StripeDisputeCalls
    {
        private int evidence;
        private int failures;
        private int closes;

        public int Evidence => Volatile.Read(ref evidence);

        /// <summary>Calls Stripe answered with an error, evidence or close.</summary>
        public int Failures => Volatile.Read(ref failures);

        public int Closes => Volatile.Read(ref closes);

        /// <summary>A new handler each time the client's pipeline is built: a handler cannot sit in two pipelines.</summary>
        public DelegatingHandler NewProbe() => new Probe(this);

        [GeneratedRegex("^/v1/disputes/dp_[A-Za-z0-9]+(?<close>/close)?$")]
        private static partial Regex DisputeCall();

        private sealed class Probe(StripeDisputeCalls calls) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (request.Method == HttpMethod.Post && DisputeCall().Match(request.RequestUri?.AbsolutePath ?? "") is { Success: true } call)
                {
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref calls.failures);
                    }
                    else if (call.Groups["close"].Success)
                    {
                        Interlocked.Increment(ref calls.closes);
                    }
                    else
                    {
                        Interlocked.Increment(ref calls.evidence);
                    }
                }

                return response;
            }
        }
    }
}
