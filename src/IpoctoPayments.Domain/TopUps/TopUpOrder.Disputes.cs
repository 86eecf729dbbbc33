using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Disputes;
using IpoctoPayments.Domain.Refunds;
using IpoctoPayments.Domain.Support;

namespace IpoctoPayments.Domain.TopUps;

/// <summary>
/// The dispute half of the state table. A provider's report of a dispute is applied once per state, in any order: a
/// dispute only moves forwards (needs response → under review → won or lost, an inquiry's states before a
/// chargeback's), and the money it moves — out of the balance when a chargeback opens, back when it is won — moves
/// once, whichever report says so first.
/// </summary>
public sealed partial class TopUpOrder
{
    public IReadOnlyList<Dispute> Disputes => disputes;

    /// <summary>Whether a dispute is open or was lost: the balance is short by it, and the order cannot be refunded.</summary>
    public bool IsDisputed => disputes.Exists(d => d.IsOpen || d.Status == DisputeStatus.Lost);

    /// <summary>
    /// Applies what the provider says of a dispute now. <paramref name="disputeId"/> is ipocto's id for the provider's
    /// dispute, the same from every report. The answer says which money the caller moves: the dispute's credit out of
    /// the balance (<see cref="DisputeChange.Withdraw"/>) and back (<see cref="DisputeChange.Reinstate"/>).
    /// </summary>
    public Result<DisputeChange> RecordDispute(Guid disputeId, DisputeReport report, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Status is TopUpStatus.AwaitingPayment or TopUpStatus.Failed or TopUpStatus.Expired or TopUpStatus.Cancelled)
            return new DomainError("dispute_before_payment", $"Order {Number} is {Status}: its payment is not known here yet, so its dispute waits.");
        if (!WasCredited)
            return new DomainError("dispute_not_credited", $"Order {Number} never credited the balance ({Status}); its dispute moves no balance.");

        var dispute = disputes.Find(d => d.ProviderDisputeId == report.ProviderDisputeId);
        if (dispute is null)
        {
            if (report.Amount.Currency != Charge.Currency || report.Amount.IsZero || report.Amount.MinorUnits > Charge.MinorUnits)
                return new DomainError("dispute_amount_invalid", $"A dispute of {report.Amount} does not fit the {Charge} paid for order {Number}.");

            dispute = new Dispute(disputeId, report.ProviderDisputeId, Credit.Share(report.Amount.MinorUnits, Charge.MinorUnits), report.Amount, report.Reason, report.IsInquiry, at);
            disputes.Add(dispute);
            Record(new TimelineEntry(at, TimelineEntryKind.DisputeOpened, Opened(dispute, report), report.Reason));
        }
        // A decided dispute stays decided: won and lost rank alike, and neither overturns the other.
        else if (!dispute.IsOpen || Rank(report.Status, report.IsInquiry) < Rank(dispute.Status, dispute.IsInquiry)
            || (report.Status == dispute.Status && report.IsInquiry == dispute.IsInquiry))
        {
            var outcome = report.Status == dispute.Status ? TransitionOutcome.DuplicateIgnored : TransitionOutcome.StaleIgnored;
            Ignore(outcome, $"dispute {Words(report.Status)}", at);
            return new DisputeChange(dispute, Applied: false, Withdraw: false, Reinstate: false);
        }

        var withdraw = !report.IsInquiry && !dispute.FundsWithdrawn;
        if (withdraw)
        {
            dispute.Withdraw();
            if (report.Status == DisputeStatus.NeedsResponse && dispute.IsInquiry)
                Record(new TimelineEntry(at, TimelineEntryKind.DisputeOpened, $"The inquiry became a chargeback: {dispute.Charge} withdrawn, {dispute.Credit} taken from the balance.", report.Reason));
        }

        // Only an open dispute gets here, so a won report is the one that gives the chargeback back.
        dispute.Move(report.Status, report.IsInquiry, report.RespondBy, at);
        var reinstate = dispute.FundsReinstated;

        if (report.Status != DisputeStatus.NeedsResponse)
            Record(new TimelineEntry(at, KindOf(report.Status), Moved(dispute), report.Reason));
        return new DisputeChange(dispute, Applied: true, withdraw, reinstate);
    }

    /// <summary>An operator's evidence, recorded before it is sent to the provider; allowed while the dispute awaits it.</summary>
    public Result<Dispute> SubmitDisputeEvidence(Guid disputeId, string evidence, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(evidence);
        var open = Open(disputeId);
        if (!open.IsSuccess)
            return open.Error!;
        if (open.Value.Accepted)
            return new DomainError("dispute_closed", $"Dispute {open.Value.ProviderDisputeId} was accepted; it takes no evidence.");
        // Evidence goes to the provider once and is submitted there: a second text would not be seen by the bank.
        if (open.Value.Status != DisputeStatus.NeedsResponse || open.Value.EvidenceSubmittedAt is not null)
            return new DomainError("dispute_under_review", $"Dispute {open.Value.ProviderDisputeId} is already under review; its evidence cannot change.");

        open.Value.SubmitEvidence(evidence, at);
        Record(new TimelineEntry(at, TimelineEntryKind.DisputeEvidenceSubmitted, $"Evidence submitted for dispute {open.Value.ProviderDisputeId}; it goes to {Provider} now."));
        return open.Value;
    }

    /// <summary>An operator accepts the dispute: the money stays with the cardholder; the provider closes it as lost.</summary>
    public Result<Dispute> AcceptDispute(Guid disputeId, DateTimeOffset at)
    {
        // Accepting again, even once the provider has closed it as lost, is the same acceptance.
        if (disputes.Find(d => d.Id == disputeId) is { Accepted: true } accepted)
            return accepted;
        var open = Open(disputeId);
        if (!open.IsSuccess)
            return open.Error!;

        open.Value.Accept();
        Record(new TimelineEntry(at, TimelineEntryKind.DisputeAccepted, $"Dispute {open.Value.ProviderDisputeId} accepted: {open.Value.Credit} stays withdrawn; {Provider} closes it as lost."));
        return open.Value;
    }

    private bool WasCredited => Status is TopUpStatus.Succeeded or TopUpStatus.PartiallyRefunded
        || (Status == TopUpStatus.Refunded && !refunds.Exists(r => r.ForLateCapture && r.Status == RefundStatus.Succeeded));

    private Result<Dispute> Open(Guid disputeId)
    {
        if (disputes.Find(d => d.Id == disputeId) is not { } dispute)
            return new DomainError("dispute_not_found", $"Order {Number} has no dispute {disputeId}.");
        return dispute.IsOpen
            ? dispute
            : new DomainError("dispute_closed", $"Dispute {dispute.ProviderDisputeId} is closed ({Words(dispute.Status)}).");
    }

    /// <summary>
    /// An inquiry's open states come before a chargeback's: an inquiry under review may still become a chargeback, and a
    /// late inquiry report must not turn a chargeback back into one.
    /// </summary>
    private static int Rank(DisputeStatus status, bool inquiry) => status switch
    {
        DisputeStatus.NeedsResponse => inquiry ? 1 : 3,
        DisputeStatus.UnderReview => inquiry ? 2 : 4,
        _ => 5,
    };

    private static string Words(DisputeStatus status) => status switch
    {
        DisputeStatus.NeedsResponse => "needs response",
        DisputeStatus.UnderReview => "under review",
        DisputeStatus.Won => "won",
        _ => "lost",
    };

    private static TimelineEntryKind KindOf(DisputeStatus status) => status switch
    {
        DisputeStatus.Won => TimelineEntryKind.DisputeWon,
        DisputeStatus.Lost => TimelineEntryKind.DisputeLost,
        _ => TimelineEntryKind.DisputeUnderReview,
    };

    private string Opened(Dispute dispute, DisputeReport report)
    {
        var respondBy = report.RespondBy is { } due ? $" Evidence is due by {due:yyyy-MM-dd HH:mm} UTC." : string.Empty;
        return report.IsInquiry
            ? $"The cardholder's bank asked about {dispute.Charge} (reason: {report.Reason}); no money moved yet.{respondBy}"
            : $"The cardholder's bank disputed {dispute.Charge} (reason: {report.Reason}): {Provider} withdrew it, and {dispute.Credit} is taken from the balance.{respondBy}";
    }

    private static string Moved(Dispute dispute) => dispute.Status switch
    {
        DisputeStatus.UnderReview => $"Dispute {dispute.ProviderDisputeId} is under review by the bank.",
        DisputeStatus.Won when dispute.FundsWithdrawn => $"Dispute {dispute.ProviderDisputeId} won: {dispute.Credit} is back on the balance.",
        DisputeStatus.Won => $"Inquiry {dispute.ProviderDisputeId} closed in ipocto's favour; no money moved.",
        _ => $"Dispute {dispute.ProviderDisputeId} lost: {dispute.Credit} stays withdrawn from the balance.",
    };
}

/// <summary>What a dispute report changed, and which money the caller moves in the ledger.</summary>
public sealed record DisputeChange(Dispute Dispute, bool Applied, bool Withdraw, bool Reinstate);
