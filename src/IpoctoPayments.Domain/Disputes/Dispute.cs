using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Disputes;

/// <summary>
/// A cardholder's dispute of one top-up. <see cref="Credit"/> is what leaves the ipocto balance while it is open or
/// lost (the share of the credit the disputed charge stands for); <see cref="Charge"/> is what the provider withdrew.
/// Changed only through its <see cref="TopUps.TopUpOrder"/>.
/// </summary>
public sealed class Dispute
{
    internal Dispute(Guid id, string providerDisputeId, Money credit, Money charge, string reason, bool isInquiry, DateTimeOffset openedAt)
    {
        Id = id;
        ProviderDisputeId = providerDisputeId;
        Credit = credit;
        Charge = charge;
        Reason = reason;
        IsInquiry = isInquiry;
        OpenedAt = openedAt;
    }

    public Guid Id { get; }

    public string ProviderDisputeId { get; }

    public Money Credit { get; }

    public Money Charge { get; }

    public string Reason { get; }

    public bool IsInquiry { get; private set; }

    public DisputeStatus Status { get; private set; } = DisputeStatus.NeedsResponse;

    public DateTimeOffset? RespondBy { get; private set; }

    public DateTimeOffset OpenedAt { get; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The evidence ipocto sent, and when; null until an operator submits some.</summary>
    public string? Evidence { get; private set; }

    public DateTimeOffset? EvidenceSubmittedAt { get; private set; }

    /// <summary>An operator accepted the dispute (it is lost, on purpose, and the provider is told).</summary>
    public bool Accepted { get; private set; }

    /// <summary>The disputed money left the balance (a chargeback, not an inquiry).</summary>
    public bool FundsWithdrawn { get; private set; }

    /// <summary>The dispute was won after its money was withdrawn: it came back to the balance.</summary>
    public bool FundsReinstated => Status == DisputeStatus.Won && FundsWithdrawn;

    public bool IsOpen => Status is DisputeStatus.NeedsResponse or DisputeStatus.UnderReview;

    /// <summary>What the balance is short by because of this dispute: withdrawn and not (yet) given back.</summary>
    public Money Withheld => FundsWithdrawn && !FundsReinstated ? Credit : Money.Zero(Credit.Currency);

    internal void Move(DisputeStatus status, bool isInquiry, DateTimeOffset? respondBy, DateTimeOffset at)
    {
        Status = status;
        IsInquiry = isInquiry;
        RespondBy = respondBy ?? RespondBy;
        ClosedAt = IsOpen ? null : at;
    }

    internal void Withdraw() => FundsWithdrawn = true;

    internal void SubmitEvidence(string evidence, DateTimeOffset at)
    {
        Evidence = evidence;
        EvidenceSubmittedAt = at;
    }

    internal void Accept() => Accepted = true;

    internal static Dispute Restore(
        Guid id, string providerDisputeId, Money credit, Money charge, string reason, bool isInquiry, DateTimeOffset openedAt,
        DisputeStatus status, DateTimeOffset? respondBy, DateTimeOffset? closedAt, string? evidence, DateTimeOffset? evidenceSubmittedAt,
        bool accepted, bool fundsWithdrawn) =>
        new(id, providerDisputeId, credit, charge, reason, isInquiry, openedAt)
        {
            Status = status,
            RespondBy = respondBy,
            ClosedAt = closedAt,
            Evidence = evidence,
            EvidenceSubmittedAt = evidenceSubmittedAt,
            Accepted = accepted,
            FundsWithdrawn = fundsWithdrawn,
        };
}
