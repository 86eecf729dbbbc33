using Mediator;

namespace IpoctoPayments.Application.Webhooks.HandleStripeEvent;

/// <summary>Guide step 5 behind the scenes: a Stripe event (Stripe-Signature header), verified and applied once.</summary>
public sealed record HandleStripeEventCommand(byte[] Payload, string? Signature) : ICommand<WebhookOutcome>;
