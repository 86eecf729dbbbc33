using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Disputes.AcceptDispute;
using IpoctoPayments.Application.Disputes.SubmitDisputeEvidence;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Application.TopUps.GetTopUp;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;
using static IpoctoPayments.Application.Tests.PaymentsHarness;

namespace IpoctoPayments.Application.Tests;

public sealed class DisputeAnswerTests : ApplicationTest
{
    [Fact]
    public async Task A_payermax_chargeback_is_answered_in_its_portal_so_neither_evidence_nor_acceptance_is_recorded_or_sent()
    {
        var topUp = await App.PaidTopUp(PayerMaxGCash("10.00"));
        var report = new DisputeReport("CB2026030200001", Money.Parse(topUp.Charge.Amount, topUp.Charge.Currency).Value, "FRAUD", DisputeStatus.NeedsResponse, false, null);
        Assert.Equal(EventOutcome.Applied, await App.Deliver(App.Event(topUp, ProviderEventKind.Dispute) with { Dispute = report }));
        var disputeId = Assert.Single((await App.Ask(new GetTopUpQuery(Account, topUp.Id))).Disputes).Id;

        var evidence = await Assert.ThrowsAsync<AppException>(() => App.Send(new SubmitDisputeEvidenceCommand(disputeId, "Signed in from the usual device.")));
        var accept = await Assert.ThrowsAsync<AppException>(() => App.Send(new AcceptDisputeCommand(disputeId)));

        Assert.Equal(("dispute_action_not_supported", ErrorKind.Unprocessable), (evidence.Error.Code, evidence.Error.Kind));
        Assert.Contains("merchant portal (MMC)", evidence.Error.Message, StringComparison.Ordinal);
        Assert.Equal("dispute_action_not_supported", accept.Error.Code);
        var dispute = Assert.Single((await App.Ask(new GetTopUpQuery(Account, topUp.Id))).Disputes);
        Assert.Equal(("needs_response", false), (dispute.Status, dispute.Accepted));
        Assert.Null(dispute.EvidenceSubmittedAt);
        Assert.Empty(App.Database.DisputeActions);
    }

    [Fact]
    public async Task A_stripe_dispute_takes_evidence_once_and_its_answer_waits_in_the_outbox()
    {
        var topUp = await App.PaidTopUp(StripeCard("20.00"));
        var report = new DisputeReport("dp_1", Money.Parse("20.00", "USD").Value, "fraudulent", DisputeStatus.NeedsResponse, false, null);
        await App.Deliver(App.Event(topUp, ProviderEventKind.Dispute) with { Dispute = report });
        var disputeId = Assert.Single((await App.Ask(new GetTopUpQuery(Account, topUp.Id))).Disputes).Id;

        var answered = await App.Send(new SubmitDisputeEvidenceCommand(disputeId, "winning_evidence"));
        var again = await Assert.ThrowsAsync<AppException>(() => App.Send(new SubmitDisputeEvidenceCommand(disputeId, "more")));

        Assert.Equal((topUp.OrderNumber, "stripe"), (answered.OrderNumber, answered.Provider));
        Assert.NotNull(answered.Dispute.EvidenceSubmittedAt);
        Assert.Equal(("dispute_under_review", ErrorKind.Conflict), (again.Error.Code, again.Error.Kind));
        var queued = Assert.Single(App.Database.DisputeActions);
        Assert.Equal((topUp.Id, disputeId, $"dispute-evidence-{disputeId:N}"), (queued.OrderId, queued.DisputeId, queued.IdempotencyKey));
    }
}
