using Mediator;

namespace IpoctoPayments.Application.TopUps.ApplyProviderEvent;

/// <summary>
/// Applies what a provider reported, learnt other than by webhook (reconciliation's look-up, the answer to a refund
/// sent), in one short transaction of its own, with the same exactly-once inbox as webhooks.
/// </summary>
public sealed record ApplyProviderEventCommand(ProviderEvent Event) : ICommand<EventOutcome>;
