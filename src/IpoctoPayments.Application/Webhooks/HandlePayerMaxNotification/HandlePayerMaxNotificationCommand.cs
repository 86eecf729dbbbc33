using Mediator;

namespace IpoctoPayments.Application.Webhooks.HandlePayerMaxNotification;

/// <summary>Guide step 5 behind the scenes: a PayerMax notification (sign header), verified and applied once.</summary>
public sealed record HandlePayerMaxNotificationCommand(byte[] Payload, string? Signature) : ICommand<WebhookOutcome>;
