using IpoctoPayments.Application.Common.Persistence;
using Mediator;

namespace IpoctoPayments.Application.Reconciliation.FindMissedDisputes;

/// <summary>
/// Lists the disputes each provider opened lately and applies each one's state as if its webhook had arrived: how a
/// chargeback whose webhooks never came still takes its money off the balance. No transaction while a provider answers.
/// </summary>
public sealed record FindMissedDisputesCommand : ICommand<IReadOnlyList<string>>, IOwnsItsUnitOfWork;
