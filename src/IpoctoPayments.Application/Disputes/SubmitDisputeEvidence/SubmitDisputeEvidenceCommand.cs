using Mediator;

namespace IpoctoPayments.Application.Disputes.SubmitDisputeEvidence;

/// <summary>
/// An admin answers a dispute with evidence: recorded on the order now, sent to the provider after the commit and
/// submitted there, so the bank reviews it.
/// </summary>
public sealed record SubmitDisputeEvidenceCommand(Guid DisputeId, string? Text) : ICommand<DisputeCaseView>;
