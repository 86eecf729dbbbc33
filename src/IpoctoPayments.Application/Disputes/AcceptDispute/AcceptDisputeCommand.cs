using Mediator;

namespace IpoctoPayments.Application.Disputes.AcceptDispute;

/// <summary>
/// An admin accepts a dispute: the money stays with the cardholder, and the provider is told after the commit, which
/// closes the dispute as lost. Accepting again answers the same.
/// </summary>
public sealed record AcceptDisputeCommand(Guid DisputeId) : ICommand<DisputeCaseView>;
