using System.Net;
using IpoctoPayments.Simulator.Tests.Support;
using Stripe;

namespace IpoctoPayments.Simulator.Tests.Stripe;

public sealed class DisputeApiTests
{
    private const string Fraudulent = "4000000000000259";
    private const string ProductNotReceived = "4000000000002685";
    private const string Inquiry = "4000000000001976";

    /// <summary>Pays a 20.00 USD session with a dispute test card and delivers the events that follow.</summary>
    private static async Task<(SimulatorFixture Sim, string PaymentIntentId)> DisputedPaymentAsync(string card, IDictionary<string, string?>? settings = null)
    {
        var sim = await SimulatorFixture.StartAsync(settings);
        var session = await sim.CreateSessionAsync();
        var paid = await sim.ControlAsync($"sessions/{session.Id}/complete", new { method = "card", cardNumber = card });
        await sim.RunDueAsync();
        sim.VerifiedEvents();
        return (sim, paid.GetProperty("payment_intent").GetProperty("id").GetString()!);
    }

    private static async Task<Dispute> OnlyDisputeAsync(SimulatorFixture sim, string intentId) =>
        (await sim.StripeClient().V1.Disputes.ListAsync(new DisputeListOptions { PaymentIntent = intentId })).Data.Single();

    private static Task<Dispute> SubmitAsync(SimulatorFixture sim, string disputeId, string text) =>
        sim.StripeClient().V1.Disputes.UpdateAsync(disputeId, new DisputeUpdateOptions
        {
            Evidence = new DisputeEvidenceOptions { UncategorizedText = text, CustomerName = "Ada Payer" },
        });

    [Fact]
    public async Task The_fraudulent_card_pays_then_opens_a_chargeback_with_the_money_withdrawn()
    {
        var (sim, intentId) = await DisputedPaymentAsync(Fraudulent);
        await using var _ = sim;

        var dispute = await OnlyDisputeAsync(sim, intentId);
        var intent = await sim.StripeClient().V1.PaymentIntents.GetAsync(intentId);

        Assert.StartsWith("dp_", dispute.Id, StringComparison.Ordinal);
        Assert.Equal("fraudulent", dispute.Reason);
        Assert.Equal("needs_response", dispute.Status);
        Assert.Equal(2000, dispute.Amount);
        Assert.Equal("usd", dispute.Currency);
        Assert.Equal(intent.LatestChargeId, dispute.ChargeId);
        Assert.Equal(intentId, dispute.PaymentIntentId);
        Assert.False(dispute.IsChargeRefundable);
        Assert.Equal(sim.Clock.GetUtcNow().AddDays(7).ToUnixTimeSeconds(), new DateTimeOffset(dispute.EvidenceDetails.DueBy!.Value).ToUnixTimeSeconds());
        var withdrawal = Assert.Single(dispute.BalanceTransactions);
        Assert.Equal(-2000, withdrawal.Amount);
        Assert.Equal("dispute", withdrawal.ReportingCategory);
        Assert.Equal(
            ["payment_intent.succeeded", "checkout.session.completed", "charge.dispute.created", "charge.dispute.funds_withdrawn"],
            sim.EventTypes());
        var created = (Dispute)sim.VerifiedEvents()[2].Data.Object;
        Assert.Equal(dispute.Id, created.Id);
        Assert.Empty(created.BalanceTransactions);
    }

    [Fact]
    public async Task The_product_not_received_card_opens_a_chargeback_with_that_reason()
    {
        var (sim, intentId) = await DisputedPaymentAsync(ProductNotReceived);
        await using var _ = sim;

        var dispute = await OnlyDisputeAsync(sim, intentId);

        Assert.Equal("product_not_received", dispute.Reason);
        Assert.Equal("needs_response", dispute.Status);
        Assert.Equal(["charge.dispute.created", "charge.dispute.funds_withdrawn"], sim.EventTypes()[2..]);
    }

    [Fact]
    public async Task The_inquiry_card_opens_an_inquiry_that_moves_no_money()
    {
        var (sim, intentId) = await DisputedPaymentAsync(Inquiry);
        await using var _ = sim;

        var dispute = await OnlyDisputeAsync(sim, intentId);

        Assert.Equal("warning_needs_response", dispute.Status);
        Assert.True(dispute.IsChargeRefundable);
        Assert.Empty(dispute.BalanceTransactions);
        Assert.Equal(["payment_intent.succeeded", "checkout.session.completed", "charge.dispute.created"], sim.EventTypes());
    }

    [Fact]
    public async Task An_ordinary_card_opens_no_dispute()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var session = await sim.CreateSessionAsync();
        await sim.ControlAsync($"sessions/{session.Id}/complete");

        var listed = await sim.StripeClient().V1.Disputes.ListAsync();

        Assert.Empty(listed.Data);
    }

    [Fact]
    public async Task Winning_evidence_puts_the_dispute_under_review_and_wins_it_when_the_delay_has_passed()
    {
        var (sim, intentId) = await DisputedPaymentAsync(Fraudulent);
        await using var _ = sim;
        var disputes = sim.StripeClient().V1.Disputes;
        var dispute = await OnlyDisputeAsync(sim, intentId);

        var submitted = await SubmitAsync(sim, dispute.Id, "winning_evidence");
        await sim.AdvanceAsync(TimeSpan.FromMinutes(4));
        sim.VerifiedEvents();
        var stillUnderReview = await disputes.GetAsync(dispute.Id);
        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));
        var won = await disputes.GetAsync(dispute.Id);

        Assert.Equal("under_review", submitted.Status);
        Assert.Equal(1, submitted.EvidenceDetails.SubmissionCount);
        Assert.True(submitted.EvidenceDetails.HasEvidence);
        Assert.Equal("Ada Payer", submitted.Evidence.CustomerName);
        Assert.Equal("under_review", stillUnderReview.Status);
        Assert.Equal("won", won.Status);
        Assert.Equal([-2000, 2000], won.BalanceTransactions.Select(t => t.Amount));
        Assert.Equal(
            ["charge.dispute.created", "charge.dispute.funds_withdrawn", "charge.dispute.updated", "charge.dispute.closed", "charge.dispute.funds_reinstated"],
            sim.EventTypes()[2..]);
        Assert.Equal("won", ((Dispute)sim.VerifiedEvents()[5].Data.Object).Status);
    }

    [Fact]
    public async Task Losing_evidence_loses_the_dispute_after_the_configured_delay()
    {
        var (sim, intentId) = await DisputedPaymentAsync(ProductNotReceived, new Dictionary<string, string?> { ["Simulator:Stripe:DisputeDecisionDelay"] = "00:30:00" });
        await using var _ = sim;
        var dispute = await OnlyDisputeAsync(sim, intentId);

        await SubmitAsync(sim, dispute.Id, "losing_evidence");
        await sim.AdvanceAsync(TimeSpan.FromMinutes(29));
        sim.VerifiedEvents();
        var stillUnderReview = await sim.StripeClient().V1.Disputes.GetAsync(dispute.Id);
        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));
        var lost = await sim.StripeClient().V1.Disputes.GetAsync(dispute.Id);

        Assert.Equal("under_review", stillUnderReview.Status);
        Assert.Equal("lost", lost.Status);
        Assert.Single(lost.BalanceTransactions);
        Assert.Equal(["charge.dispute.updated", "charge.dispute.closed"], sim.EventTypes()[4..]);
    }

    [Fact]
    public async Task Winning_evidence_on_an_inquiry_closes_it_with_a_warning()
    {
        var (sim, intentId) = await DisputedPaymentAsync(Inquiry);
        await using var _ = sim;
        var dispute = await OnlyDisputeAsync(sim, intentId);

        var submitted = await SubmitAsync(sim, dispute.Id, "winning_evidence");
        await sim.AdvanceAsync(TimeSpan.FromMinutes(5));
        var closed = await sim.StripeClient().V1.Disputes.GetAsync(dispute.Id);

        Assert.Equal("warning_under_review", submitted.Status);
        Assert.Equal("warning_closed", closed.Status);
        Assert.Equal(["charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed"], sim.EventTypes()[2..]);
    }

    [Fact]
    public async Task Losing_evidence_on_an_inquiry_turns_it_into_a_lost_chargeback_with_the_money_withdrawn()
    {
        var (sim, intentId) = await DisputedPaymentAsync(Inquiry);
        await using var _ = sim;
        var dispute = await OnlyDisputeAsync(sim, intentId);

        await SubmitAsync(sim, dispute.Id, "losing_evidence");
        await sim.AdvanceAsync(TimeSpan.FromMinutes(5));
        var lost = await sim.StripeClient().V1.Disputes.GetAsync(dispute.Id);

        Assert.Equal("lost", lost.Status);
        Assert.False(lost.IsChargeRefundable);
        Assert.Equal(-dispute.Amount, Assert.Single(lost.BalanceTransactions).Amount);
        Assert.Equal(["charge.dispute.created", "charge.dispute.updated", "charge.dispute.funds_withdrawn", "charge.dispute.closed"], sim.EventTypes()[2..]);
    }

    [Fact]
    public async Task Evidence_saved_without_submitting_and_metadata_keep_the_dispute_open()
    {
        var (sim, intentId) = await DisputedPaymentAsync(Fraudulent);
        await using var _ = sim;
        var dispute = await OnlyDisputeAsync(sim, intentId);

        var saved = await sim.StripeClient().V1.Disputes.UpdateAsync(dispute.Id, new DisputeUpdateOptions
        {
            Evidence = new DisputeEvidenceOptions { ProductDescription = "Balance top-up" },
            Metadata = new Dictionary<string, string> { ["case"] = "17" },
            Submit = false,
        });
        await sim.AdvanceAsync(TimeSpan.FromHours(1));
        var later = await sim.StripeClient().V1.Disputes.GetAsync(dispute.Id);

        Assert.Equal("needs_response", saved.Status);
        Assert.Equal(0, saved.EvidenceDetails.SubmissionCount);
        Assert.Equal("Balance top-up", saved.Evidence.ProductDescription);
        Assert.Equal("17", saved.Metadata["case"]);
        Assert.Equal("needs_response", later.Status);
        Assert.Equal("charge.dispute.updated", sim.EventTypes()[^1]);
    }

    [Fact]
    public async Task Closing_accepts_the_dispute_as_lost_and_a_second_close_is_refused()
    {
        var (sim, intentId) = await DisputedPaymentAsync(Fraudulent);
        await using var _ = sim;
        var disputes = sim.StripeClient().V1.Disputes;
        var dispute = await OnlyDisputeAsync(sim, intentId);

        var closed = await disputes.CloseAsync(dispute.Id);
        await sim.RunDueAsync();
        var again = await Assert.ThrowsAsync<StripeException>(() => disputes.CloseAsync(dispute.Id));
        var update = await Assert.ThrowsAsync<StripeException>(() => SubmitAsync(sim, dispute.Id, "winning_evidence"));

        Assert.Equal("lost", closed.Status);
        Assert.Equal("charge.dispute.closed", sim.EventTypes()[^1]);
        Assert.Equal(HttpStatusCode.BadRequest, again.HttpStatusCode);
        Assert.Equal("invalid_request_error", again.StripeError.Type);
        Assert.Equal("dispute_already_closed", again.StripeError.Code);
        Assert.Equal(HttpStatusCode.BadRequest, update.HttpStatusCode);
    }

    [Fact]
    public async Task Disputes_list_newest_first_with_cursor_and_charge_filter()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var disputes = sim.StripeClient().V1.Disputes;
        var intents = new List<string>();
        foreach (var card in new[] { Fraudulent, ProductNotReceived, Inquiry })
        {
            var session = await sim.CreateSessionAsync();
            var paid = await sim.ControlAsync($"sessions/{session.Id}/complete", new { method = "card", cardNumber = card });
            intents.Add(paid.GetProperty("payment_intent").GetProperty("id").GetString()!);
        }

        var first = await disputes.ListAsync(new DisputeListOptions { Limit = 2 });
        var rest = await disputes.ListAsync(new DisputeListOptions { Limit = 2, StartingAfter = first.Data[^1].Id });
        var byCharge = await disputes.ListAsync(new DisputeListOptions { Charge = first.Data[0].ChargeId });

        Assert.Equal(["warning_needs_response", "needs_response"], first.Data.Select(d => d.Status));
        Assert.True(first.HasMore);
        Assert.Equal("fraudulent", Assert.Single(rest.Data).Reason);
        Assert.False(rest.HasMore);
        Assert.Equal(intents[2], Assert.Single(byCharge.Data).PaymentIntentId);
    }

    [Fact]
    public async Task An_unknown_dispute_is_404_and_an_unknown_evidence_field_is_400()
    {
        var (sim, intentId) = await DisputedPaymentAsync(Fraudulent);
        await using var _ = sim;
        var dispute = await OnlyDisputeAsync(sim, intentId);

        var missing = await Assert.ThrowsAsync<StripeException>(() => sim.StripeClient().V1.Disputes.GetAsync("dp_missing"));
        var closeMissing = await Assert.ThrowsAsync<StripeException>(() => sim.StripeClient().V1.Disputes.CloseAsync("dp_missing"));
        var (status, error) = await sim.StripeErrorAsync(StripeTestKit.Raw(HttpMethod.Post, $"/v1/disputes/{dispute.Id}", "evidence[favourite_colour]=blue"));

        Assert.Equal(HttpStatusCode.NotFound, missing.HttpStatusCode);
        Assert.Equal("resource_missing", missing.StripeError.Code);
        Assert.Equal("resource_missing", closeMissing.StripeError.Code);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("evidence[favourite_colour]", error.GetProperty("param").GetString());
        Assert.Equal("needs_response", (await sim.StripeClient().V1.Disputes.GetAsync(dispute.Id)).Status);
    }
}
