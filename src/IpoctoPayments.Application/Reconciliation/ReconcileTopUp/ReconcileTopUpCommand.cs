using IpoctoPayments.Application.Common.Persistence;
using Mediator;

namespace IpoctoPayments.Application.Reconciliation.ReconcileTopUp;

/// <summary>
/// Asks the provider about one order and applies what it says as if its webhook had arrived: no transaction while the
/// provider answers, one short transaction per change.
/// </summary>
public sealed record ReconcileTopUpCommand(Guid TopUpId) : ICommand<ReconciledTopUp>, IOwnsItsUnitOfWork;

/// <summary>What reconciling one order did, in words for the run's report.</summary>
public sealed record ReconciledTopUp(Guid TopUpId, string OrderNumber, string StatusBefore, string StatusAfter, IReadOnlyList<string> Actions);
