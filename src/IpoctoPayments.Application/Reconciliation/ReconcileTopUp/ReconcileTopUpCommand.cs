using Mediator;

namespace IpoctoPayments.Application.Reconciliation.ReconcileTopUp;

/// <summary>Asks the provider about one order and applies what it says as if its webhook had arrived; one transaction per order.</summary>
public sealed record ReconcileTopUpCommand(Guid TopUpId) : ICommand<ReconciledTopUp>;

/// <summary>What reconciling one order did, in words for the run's report.</summary>
public sealed record ReconciledTopUp(Guid TopUpId, string OrderNumber, string StatusBefore, string StatusAfter, IReadOnlyList<string> Actions);
