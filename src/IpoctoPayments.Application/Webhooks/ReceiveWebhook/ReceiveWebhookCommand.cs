using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Domain.Common;
using Mediator;

namespace IpoctoPayments.Application.Webhooks.ReceiveWebhook;

/// <summary>
/// Guide step 5 behind the scenes: a provider's webhook, as sent — Stripe's event with its <c>Stripe-Signature</c>,
/// PayerMax's notification with its <c>sign</c> — verified, then applied once.
/// </summary>
public sealed record ReceiveWebhookCommand(PaymentProvider Provider, byte[] Payload, string? Signature) : ICommand<EventOutcome>;
