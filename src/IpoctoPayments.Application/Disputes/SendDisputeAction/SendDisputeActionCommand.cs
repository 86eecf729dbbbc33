using IpoctoPayments.Application.Common.Persistence;
using Mediator;

namespace IpoctoPayments.Application.Disputes.SendDisputeAction;

/// <summary>
/// Sends an operator's answer to a dispute to its provider, outside any transaction, and applies the dispute the provider
/// answers with as a provider event, so the order moves without waiting for the webhook.
/// </summary>
public sealed record SendDisputeActionCommand(DisputeActionToSend Action) : ICommand, IOwnsItsUnitOfWork;
