using IpoctoPayments.Simulator.Core;

namespace IpoctoPayments.Simulator.Stripe.Model;

/// <summary>Every Stripe object the simulator holds, in creation order. Callers hold <see cref="Gate"/> while they read or change them.</summary>
internal sealed class StripeStore : ISimulatorState
{
    public Lock Gate { get; } = new();

    public OrderedDictionary<string, CheckoutSession> Sessions { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, PaymentIntent> PaymentIntents { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, Charge> Charges { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, Refund> Refunds { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, Dispute> Disputes { get; } = new(StringComparer.Ordinal);

    public OrderedDictionary<string, StripeEvent> Events { get; } = new(StringComparer.Ordinal);

    public void Reset()
    {
        lock (Gate)
        {
            Sessions.Clear();
            PaymentIntents.Clear();
            Charges.Clear();
            Refunds.Clear();
            Disputes.Clear();
            Events.Clear();
        }
    }
}
