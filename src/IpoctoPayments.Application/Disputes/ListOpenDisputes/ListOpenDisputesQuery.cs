using Mediator;

namespace IpoctoPayments.Application.Disputes.ListOpenDisputes;

/// <summary>An admin's work list: the disputes still open across all accounts, the oldest first, at most <see cref="Limit"/>.</summary>
public sealed record ListOpenDisputesQuery(int Limit = 50) : IQuery<OpenDisputes>;

public sealed record OpenDisputes(IReadOnlyList<DisputeCaseView> Items);
