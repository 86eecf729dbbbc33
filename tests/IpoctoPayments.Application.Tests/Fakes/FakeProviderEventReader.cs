using System.Text;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Application.Webhooks;
using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Application.Tests.Fakes;

/// <summary>Reads a webhook whose body is the id of an event a test scripted; a body it does not know fails verification.</summary>
public sealed class FakeProviderEventReader(PaymentProvider provider) : IProviderEventReader
{
    private readonly Dictionary<string, ProviderEvent> events = [];

    public PaymentProvider Provider { get; } = provider;

    /// <summary>Scripts an event and returns the webhook body that carries it.</summary>
    public byte[] Script(ProviderEvent providerEvent)
    {
        ArgumentNullException.ThrowIfNull(providerEvent);
        events[providerEvent.EventId] = providerEvent;
        return Encoding.UTF8.GetBytes(providerEvent.EventId);
    }

    public ProviderEvent Read(byte[] payload, string? signature) =>
        events.TryGetValue(Encoding.UTF8.GetString(payload), out var providerEvent)
            ? providerEvent
            : throw new InvalidWebhookException("signature_invalid", "No such scripted event.");
}
