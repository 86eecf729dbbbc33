using System.Security.Cryptography;

namespace IpoctoPayments.Simulator.Core;

/// <summary>
/// A local address that gets a copy of every webhook of one provider, as <c>stripe listen --forward-to</c> does:
/// Stripe copies are signed with the listener's own secret, PayerMax copies with the simulator's key.
/// </summary>
public sealed record WebhookListener(string Id, string Provider, string ForwardTo, IReadOnlyList<string> Events, string? Secret)
{
    public bool Accepts(string eventType) => Events.Count == 0 || Events.Contains(eventType, StringComparer.Ordinal);
}

/// <summary>The listeners registered over the control API; they outlive a reset, as a connected <c>stripe listen</c> does.</summary>
public sealed class WebhookListeners(SimulatorIds ids)
{
    private readonly Lock gate = new();
    private readonly List<WebhookListener> listeners = [];

    public IReadOnlyList<WebhookListener> All
    {
        get { lock (gate) { return [.. listeners]; } }
    }

    public WebhookListener Add(string provider, string forwardTo, IReadOnlyList<string> events)
    {
        var secret = provider == ProviderNames.Stripe ? "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)) : null;
        var listener = new WebhookListener(ids.Next("lst_", 16), provider, forwardTo, events, secret);
        lock (gate)
        {
            listeners.Add(listener);
        }

        return listener;
    }

    public bool Remove(string id)
    {
        lock (gate)
        {
            return listeners.RemoveAll(l => l.Id == id) > 0;
        }
    }

    public IReadOnlyList<WebhookListener> For(string provider, string eventType)
    {
        lock (gate)
        {
            return [.. listeners.Where(l => l.Provider == provider && l.Accepts(eventType))];
        }
    }
}
