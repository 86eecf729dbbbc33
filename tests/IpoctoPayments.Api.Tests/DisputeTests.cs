using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

/// <summary>
/// A cardholder disputes a top-up with their bank: the chargeback takes the top-up's credit off the balance — below zero
/// if it was spent — once, whatever order and however often its events arrive; a won dispute gives it back, a lost one
/// keeps it. The simulator's dispute cards open the disputes; the test delivers their events as the scenario needs.
/// </summary>
public sealed class DisputeTests
{
    private const string FraudCard = "4000000000000259";
    private const string InquiryCard = "4000000000001976";
    private static readonly string[] WonEvents = ["charge.dispute.closed", "charge.dispute.funds_reinstated"];

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_chargeback_on_an_unspent_top_up_takes_its_credit_off_the_balance(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-dispute-unspent");
        var topUp = await PayAsync(system, console, "20.00", FraudCard);
        await system.DeliverWebhooksAsync();

        var balance = await BalanceAsync(console);
        Assert.Equal(("0.00", "0.00", "20.00"), (Amount(balance, "available"), Amount(balance, "balance"), Amount(balance, "disputed")));
        Assert.Equal(JsonValueKind.Null, balance.GetProperty("notice").ValueKind);

        var shown = await console.TopUpAsync(topUp.Id());
        Assert.Equal("succeeded", shown.Status());
        var dispute = Assert.Single(shown.GetProperty("disputes").EnumerateArray());
        Assert.Equal(("needs_response", "fraudulent", false), (dispute.Status(), dispute.GetProperty("reason").GetString(), dispute.GetProperty("inquiry").GetBoolean()));
        Assert.Equal(("20.00", "20.00"), (Amount(dispute, "amount"), Amount(dispute, "charge")));
        Assert.Equal(system.Clock.GetUtcNow().AddDays(7), dispute.GetProperty("respondBy").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        Assert.Contains("Your bank disputed this top-up: 20.00 USD was taken back", shown.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Equal("0.00", Amount(shown, "refundable"));

        var ledger = await BillingSteps.FullLedgerAsync(console);
        Assert.Equal(["dispute_withdrawal", "top_up_credit"], ledger.Select(l => l.Kind()));
        Assert.Equal("-20.00", ledger[0].LineAmount());
        Assert.Equal(dispute.Id(), ledger[0].GetProperty("disputeId").GetString());

        var timeline = await system.TimelineAsync(topUp.OrderNumber());
        Assert.Contains(timeline.GetProperty("timeline").EnumerateArray(), e =>
            e.GetProperty("kind").GetString() == "dispute_opened" && e.GetProperty("message").GetString()!.Contains("(reason: fraudulent)", StringComparison.Ordinal));

        using var refund = await system.Admin().PostRefundAsync(topUp.Id(), "5.00", "refund-disputed");
        await ApiAnswer.AssertProblemAsync(refund, HttpStatusCode.UnprocessableEntity, "order_disputed");
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_chargeback_after_the_balance_was_spent_takes_it_below_zero_and_billing_waits_until_a_top_up_covers_it(DatabaseProvider provider)
    {
        const string account = "acc-dispute-spent";
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console(account);
        var topUp = await PayAsync(system, console, "20.00", FraudCard, holdWebhooks: true);
        Assert.Equal("applied", (await system.DeliverAsync(system.Anonymous(), Held(system, topUp, "checkout.session.completed"))).Outcome);
        await BillingSteps.DebitAsync(system.Billing(), account, "15.00", "inv-spent", "debit-spent-1");

        foreach (var type in new[] { "charge.dispute.created", "charge.dispute.funds_withdrawn" })
        {
            Assert.Equal(HttpStatusCode.OK, (await system.DeliverAsync(system.Anonymous(), Held(system, topUp, type))).Status);
        }

        var balance = await BalanceAsync(console);
        Assert.Equal(("0.00", "-15.00", "20.00"), (Amount(balance, "available"), Amount(balance, "balance"), Amount(balance, "disputed")));
        Assert.Contains("Your balance is -15.00 USD because your bank reversed a top-up", balance.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Equal(-1500, await system.StoredBalanceAsync(account));

        using var refused = await system.Billing().PostDebitAsync(account, "1.00", "inv-while-negative", "debit-spent-2");
        var problem = await ApiAnswer.AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "insufficient_balance");
        Assert.Contains("-15.00 USD because a disputed top-up", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await system.SetFaultsAsync(new { });
        await system.PaidStripeTopUpAsync(console, "20.00");
        Assert.Equal(("5.00", "5.00"), (Amount(await BalanceAsync(console), "available"), Amount(await BalanceAsync(console), "balance")));
        await BillingSteps.DebitAsync(system.Billing(), account, "5.00", "inv-after", "debit-spent-3");
        Assert.Equal("0.00", await console.BalanceAsync());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_dispute_arriving_before_its_payment_is_refused_until_the_payment_is_known_then_applied_once(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-dispute-early");
        var topUp = await PayAsync(system, console, "20.00", FraudCard, holdWebhooks: true);
        var created = Held(system, topUp, "charge.dispute.created");

        var early = await system.DeliverAsync(system.Anonymous(), created);
        Assert.Equal((HttpStatusCode.Conflict, "payment_not_yet_known"), (early.Status, early.Outcome));
        Assert.Equal("0.00", await console.BalanceAsync());
        Assert.Empty(await console.LedgerAsync());

        Assert.Equal("applied", (await system.DeliverAsync(system.Anonymous(), Held(system, topUp, "checkout.session.completed"))).Outcome);
        Assert.Equal("20.00", await console.BalanceAsync());
        Assert.Equal("applied", (await system.DeliverAsync(system.Anonymous(), created)).Outcome);
        Assert.Equal("duplicate", (await system.DeliverAsync(system.Anonymous(), created)).Outcome);
        Assert.Equal("ignored", (await system.DeliverAsync(system.Anonymous(), Held(system, topUp, "charge.dispute.funds_withdrawn"))).Outcome);

        Assert.Equal("0.00", await console.BalanceAsync());
        Assert.Equal(["dispute_withdrawal", "top_up_credit"], (await console.LedgerAsync()).Select(l => l.Kind()));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task The_same_dispute_event_delivered_three_times_moves_the_balance_once(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-dispute-thrice");
        var topUp = await PayAsync(system, console, "20.00", FraudCard, holdWebhooks: true);
        Assert.Equal("applied", (await system.DeliverAsync(system.Anonymous(), Held(system, topUp, "checkout.session.completed"))).Outcome);

        var withdrawn = Held(system, topUp, "charge.dispute.funds_withdrawn");
        PaymentsApiClient[] instances = [system.Anonymous(), system.AnotherInstance(), system.Anonymous()];
        var answers = await Task.WhenAll(instances.Select(i => system.DeliverAsync(i, withdrawn)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(1, answers.Count(a => a.Outcome == "applied"));
        Assert.Equal(2, answers.Count(a => a.Outcome == "duplicate"));
        Assert.Equal("0.00", await console.BalanceAsync());
        Assert.Equal(1, await system.PostingsAsync("acc-dispute-thrice", "DisputeWithdrawal"));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Two_reports_of_one_won_dispute_at_once_on_two_instances_give_the_credit_back_once(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-dispute-won-race");
        var topUp = await PayAsync(system, console, "20.00", FraudCard);
        await system.DeliverWebhooksAsync();
        var disputeId = (await OnlyDisputeAsync(console, topUp)).GetProperty("providerDisputeId").GetString()!;

        await system.SetFaultsAsync(new { webhooks = new { drop = true } });
        await system.SimulatorPostAsync($"/_simulator/stripe/disputes/{disputeId}/decide", new { outcome = "won" });
        PaymentsApiClient[] instances = [system.Anonymous(), system.AnotherInstance()];
        var answers = await Task.WhenAll(WonEvents.Select((type, i) => system.DeliverAsync(instances[i], Held(system, topUp, type))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Contains(answers, a => a.Outcome == "applied");
        Assert.Equal("20.00", await console.BalanceAsync());
        Assert.Equal(1, await system.PostingsAsync("acc-dispute-won-race", "DisputeReinstatement"));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task An_inquiry_moves_no_money(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-dispute-inquiry");
        var topUp = await PayAsync(system, console, "20.00", InquiryCard);
        await system.DeliverWebhooksAsync();

        Assert.Equal("20.00", await console.BalanceAsync());
        var dispute = await OnlyDisputeAsync(console, topUp);
        Assert.True(dispute.GetProperty("inquiry").GetBoolean());
        Assert.Equal("needs_response", dispute.Status());
        Assert.Equal(["top_up_credit"], (await console.LedgerAsync()).Select(l => l.Kind()));
    }

    public static TheoryData<DatabaseProvider, string> Outcomes => Databases.Times(["won", "lost"]);

    [SkippableTheory]
    [MemberData(nameof(Outcomes))]
    public async Task A_won_dispute_gives_the_credit_back_once_and_a_lost_one_keeps_it(DatabaseProvider provider, string outcome)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console($"acc-dispute-{outcome}");
        var topUp = await PayAsync(system, console, "20.00", FraudCard);
        await system.DeliverWebhooksAsync();
        var disputeId = (await OnlyDisputeAsync(console, topUp)).GetProperty("providerDisputeId").GetString()!;

        // As the merchant answers on Stripe: the magic evidence decides the dispute once the bank has had its time.
        await SubmitEvidenceAtStripeAsync(system, disputeId, outcome == "won" ? "winning_evidence" : "losing_evidence");
        await system.DeliverWebhooksAsync();
        Assert.Equal("under_review", (await OnlyDisputeAsync(console, topUp)).Status());
        await system.AdvanceAsync(TimeSpan.FromMinutes(5));

        var shown = await console.TopUpAsync(topUp.Id());
        var dispute = Assert.Single(shown.GetProperty("disputes").EnumerateArray());
        Assert.Equal(outcome, dispute.Status());
        Assert.Equal(system.Clock.GetUtcNow(), dispute.GetProperty("closedAt").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        var balance = await BalanceAsync(console);
        var ledger = (await console.LedgerAsync()).Select(l => l.Kind()).ToArray();
        if (outcome == "won")
        {
            Assert.Equal(("20.00", "0.00"), (Amount(balance, "balance"), Amount(balance, "disputed")));
            Assert.Equal(["dispute_reinstatement", "dispute_withdrawal", "top_up_credit"], ledger);
            Assert.Contains("decided for ipocto: 20.00 USD is back on your balance", shown.GetProperty("notice").GetString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(("0.00", "20.00"), (Amount(balance, "balance"), Amount(balance, "disputed")));
            Assert.Equal(["dispute_withdrawal", "top_up_credit"], ledger);
            Assert.Contains("decided for you: 20.00 USD stays taken", shown.GetProperty("notice").GetString(), StringComparison.Ordinal);
        }
    }

    public static TheoryData<DatabaseProvider, string> PayerMaxOutcomes => Databases.Times(["won", "lost", "cancelled"]);

    [SkippableTheory]
    [MemberData(nameof(PayerMaxOutcomes))]
    public async Task A_payermax_chargeback_takes_the_credit_off_until_the_case_is_decided(DatabaseProvider provider, string outcome)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console($"acc-chargeback-{outcome}");
        var topUp = await system.PaidPayerMaxTopUpAsync(console, "10.00");
        var charge = topUp.GetProperty("charge");

        var opened = await system.SimulatorPostAsync($"/_simulator/payermax/orders/{topUp.OutTradeNo()}/chargeback", new { reason = "FRAUD" });
        await system.DeliverWebhooksAsync();

        Assert.Equal(("0.00", "10.00"), (Amount(await BalanceAsync(console), "balance"), Amount(await BalanceAsync(console), "disputed")));
        var dispute = await OnlyDisputeAsync(console, topUp);
        Assert.Equal((opened.GetProperty("caseId").GetString(), "needs_response", "FRAUD"), (dispute.GetProperty("providerDisputeId").GetString(), dispute.Status(), dispute.GetProperty("reason").GetString()));
        Assert.Equal((charge.GetProperty("amount").GetString(), charge.GetProperty("currency").GetString()), (Amount(dispute, "charge"), dispute.GetProperty("charge").GetProperty("currency").GetString()));
        Assert.Equal("10.00", Amount(dispute, "amount"));

        await system.SimulatorPostAsync($"/_simulator/payermax/chargebacks/{opened.GetProperty("caseId").GetString()}/decide", new { outcome });
        await system.DeliverWebhooksAsync();

        var decided = await OnlyDisputeAsync(console, topUp);
        Assert.Equal(outcome == "lost" ? "lost" : "won", decided.Status());
        Assert.Equal(outcome == "lost" ? "0.00" : "10.00", Amount(await BalanceAsync(console), "balance"));
        var withdrawals = await system.PostingsAsync($"acc-chargeback-{outcome}", "DisputeWithdrawal");
        var reinstatements = await system.PostingsAsync($"acc-chargeback-{outcome}", "DisputeReinstatement");
        Assert.Equal((1, outcome == "lost" ? 0 : 1), (withdrawals, reinstatements));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_dispute_opened_weeks_after_the_payment_takes_the_credit_off_when_its_webhooks_come(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-dispute-later");
        var topUp = await system.PaidStripeTopUpAsync(console, "20.00");
        var intent = (await system.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/stripe/payment_intents")).EnumerateArray().Single().Id();
        system.Clock.Advance(TimeSpan.FromDays(21));

        await system.SimulatorPostAsync($"/_simulator/stripe/payment_intents/{intent}/dispute", new { reason = "fraudulent" });
        await system.DeliverWebhooksAsync();

        Assert.Equal("0.00", await console.BalanceAsync());
        Assert.Equal("needs_response", (await OnlyDisputeAsync(console, topUp)).Status());
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_stripe_dispute_whose_webhooks_never_came_is_found_and_followed_by_reconciliation(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-dispute-missed");
        var topUp = await system.PaidStripeTopUpAsync(console, "20.00");
        var intent = (await system.Simulator.GetFromJsonAsync<JsonElement>("/_simulator/stripe/payment_intents")).EnumerateArray().Single().Id();

        // From here on every Stripe webhook is lost: only reconciliation can tell the service.
        await system.SetFaultsAsync(new { webhooks = new { drop = true } });
        var opened = await system.SimulatorPostAsync($"/_simulator/stripe/payment_intents/{intent}/dispute", new { reason = "product_not_received" });
        await system.DeliverWebhooksAsync();
        Assert.Equal("20.00", await console.BalanceAsync());

        var first = await ReconcileAsync(system);
        Assert.Equal([$"provider lists dispute {opened.Id()} needs_response: applied"], first.GetProperty("disputesFound").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("0.00", await console.BalanceAsync());
        Assert.Equal("product_not_received", (await OnlyDisputeAsync(console, topUp)).GetProperty("reason").GetString());

        await system.SimulatorPostAsync($"/_simulator/stripe/disputes/{opened.Id()}/decide", new { outcome = "won" });
        await system.DeliverWebhooksAsync();
        var second = await ReconcileAsync(system);

        // The order's own look-up of its open dispute brings the news; the list that follows finds it applied.
        Assert.Contains(second.GetProperty("changed").EnumerateArray().SelectMany(c => c.GetProperty("actions").EnumerateArray()),
            a => a.GetString() == $"provider reports dispute {opened.Id()} won: applied");
        Assert.Empty(second.GetProperty("disputesFound").EnumerateArray());
        Assert.Equal("20.00", await console.BalanceAsync());
        Assert.Equal("won", (await OnlyDisputeAsync(console, topUp)).Status());
        Assert.Empty((await ReconcileAsync(system)).GetProperty("disputesFound").EnumerateArray());
        Assert.Equal(1, await system.PostingsAsync("acc-dispute-missed", "DisputeReinstatement"));
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task A_payermax_case_decided_while_its_notifications_are_lost_is_followed_by_reconciliation(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider);
        var console = system.Console("acc-chargeback-missed");
        var topUp = await system.PaidPayerMaxTopUpAsync(console, "10.00");
        var opened = await system.SimulatorPostAsync($"/_simulator/payermax/orders/{topUp.OutTradeNo()}/chargeback", new { });
        await system.DeliverWebhooksAsync();
        Assert.Equal("0.00", await console.BalanceAsync());

        await system.SetFaultsAsync(new { webhooks = new { drop = true } });
        await system.SimulatorPostAsync($"/_simulator/payermax/chargebacks/{opened.GetProperty("caseId").GetString()}/decide", new { outcome = "won" });
        await system.DeliverWebhooksAsync();
        Assert.Equal("0.00", await console.BalanceAsync());

        await ReconcileAsync(system);

        Assert.Equal("10.00", await console.BalanceAsync());
        Assert.Equal("won", (await OnlyDisputeAsync(console, topUp)).Status());
    }

    private static async Task<JsonElement> ReconcileAsync(PaymentsSystem system)
    {
        using var response = await system.Admin().PostReconciliationRunAsync();
        return await ApiAnswer.ReadAsync(response, HttpStatusCode.OK);
    }

    /// <summary>A Stripe card top-up paid on the simulator with <paramref name="card"/>; with webhooks held, the simulator sends none and the test delivers them.</summary>
    private static async Task<JsonElement> PayAsync(PaymentsSystem system, PaymentsApiClient console, string amount, string card, bool holdWebhooks = false)
    {
        var topUp = await console.CreateTopUpAsync(TopUpRequest.StripeCard(amount));
        if (holdWebhooks)
        {
            await system.SetFaultsAsync(new { webhooks = new { drop = true } });
        }

        await system.SimulatorPostAsync($"/_simulator/stripe/sessions/{topUp.SessionId()}/complete", new { method = "card", cardNumber = card });
        return topUp;
    }

    /// <summary>The body the simulator recorded (and held) for the top-up's event of this type.</summary>
    private static string Held(PaymentsSystem system, JsonElement topUp, string eventType) =>
        system.SimulatorService<WebhookOutbox>().Deliveries.Single(d => d.EventType == eventType && d.TargetKeys.Contains(topUp.SessionId())).Payload;

    private static async Task SubmitEvidenceAtStripeAsync(PaymentsSystem system, string disputeId, string evidence)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/disputes/{disputeId}")
        {
            Content = new FormUrlEncodedContent([new("evidence[uncategorized_text]", evidence)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PaymentsSystem.StripeSecretKey);
        using var response = await system.Simulator.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The top-up's one dispute, as the console shows it.</summary>
    private static async Task<JsonElement> OnlyDisputeAsync(PaymentsApiClient console, JsonElement topUp) =>
        Assert.Single((await console.TopUpAsync(topUp.Id())).GetProperty("disputes").EnumerateArray());

    private static async Task<JsonElement> BalanceAsync(PaymentsApiClient console) => await console.GetFromJsonAsync<JsonElement>("/api/v1/balance");

    private static string Amount(JsonElement element, string property) => element.GetProperty(property).GetProperty("amount").GetString()!;
}
