using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Application.Webhooks;

/// <summary>Reads one provider's webhook: verifies its signature and maps it to a <see cref="ProviderEvent"/>.</summary>
public interface IProviderEventReader
{
    PaymentProvider Provider { get; }

    /// <exception cref="InvalidWebhookException">The signature does not verify, or the body is not the provider's event.</exception>
    ProviderEvent Read(byte[] payload, string? signature);
}

/// <summary>A webhook that cannot be trusted or understood; it is refused and nothing is stored.</summary>
public sealed class InvalidWebhookException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}
