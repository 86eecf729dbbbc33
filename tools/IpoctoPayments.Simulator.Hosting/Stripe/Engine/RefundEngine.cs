using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Stripe.Api;
using IpoctoPayments.Simulator.Stripe.Model;

namespace IpoctoPayments.Simulator.Stripe.Engine;

/// <summary>
/// Refunds: created pending against the charge's unrefunded amount, settled a few seconds later on the clock.
/// Magic value: <c>metadata[simulator_refund]=fail</c> makes the refund fail (its amount becomes refundable
/// again); <c>metadata[simulator_refund]=pending</c> leaves it pending.
/// </summary>
internal sealed class RefundEngine(StripeStore store, StripeEventPublisher events, SimulatorIds ids, SimulatorScheduler scheduler, TimeProvider clock)
{
    public const string OutcomeKey = "simulator_refund";
    public static readonly TimeSpan SettleAfter = TimeSpan.FromSeconds(5);

    private static readonly string[] Reasons = ["duplicate", "fraudulent", "requested_by_customer"];

    public Refund Create(StripeParams p, EventRequest origin)
    {
        lock (store.Gate)
        {
            var charge = ChargeToRefund(p);
            var reason = p.String("reason");
            if (reason is not null && !Reasons.Contains(reason, StringComparer.Ordinal))
            {
                throw new StripeErrorException(StripeError.InvalidRequest($"Invalid reason: must be one of {string.Join(", ", Reasons)}.", "reason", "parameter_invalid_string"));
            }

            if (charge.Refundable == 0)
            {
                throw new StripeErrorException(StripeError.InvalidRequest($"Charge {charge.Id} has already been refunded.", code: "charge_already_refunded"));
            }

            var amount = p.Integer("amount") ?? charge.Refundable;
            if (amount <= 0)
            {
                throw new StripeErrorException(StripeError.InvalidRequest("Invalid amount: must be a positive integer.", "amount", "parameter_invalid_integer"));
            }

            if (amount > charge.Refundable)
            {
                throw new StripeErrorException(StripeError.InvalidRequest(
                    $"Refund amount ({amount}) is greater than unrefunded amount on charge ({charge.Refundable}).", "amount", "amount_too_large"));
            }

            var refund = new Refund
            {
                Id = ids.Next("re_"),
                Created = clock.GetUtcNow().ToUnixTimeSeconds(),
                Amount = amount,
                Currency = charge.Currency,
                ChargeId = charge.Id,
                PaymentIntentId = charge.PaymentIntentId,
                Reason = reason,
                Metadata = p.Map("metadata"),
            };
            charge.AmountRefunded += amount;
            store.Refunds.Add(refund.Id, refund);
            events.Publish("refund.created", refund.ToJson(), origin, charge.PaymentIntentId, SessionOf(charge));
            events.Publish("charge.refunded", charge.ToJson(), origin, charge.PaymentIntentId, SessionOf(charge));
            if (!string.Equals(refund.Metadata.GetValueOrDefault(OutcomeKey), "pending", StringComparison.Ordinal))
            {
                scheduler.ScheduleAfter(SettleAfter, $"settle {refund.Id}", _ =>
                {
                    Settle(refund, charge);
                    return Task.CompletedTask;
                });
            }

            return refund;
        }
    }

    private void Settle(Refund refund, Charge charge)
    {
        lock (store.Gate)
        {
            if (refund.Status != "pending")
            {
                return;
            }

            var session = SessionOf(charge);
            if (string.Equals(refund.Metadata.GetValueOrDefault(OutcomeKey), "fail", StringComparison.Ordinal))
            {
                refund.Status = "failed";
                refund.FailureReason = "declined";
                charge.AmountRefunded -= refund.Amount;
                events.Publish("refund.failed", refund.ToJson(), null, charge.PaymentIntentId, session);
                events.Publish("refund.updated", refund.ToJson(), null, charge.PaymentIntentId, session);
                return;
            }

            refund.Status = "succeeded";
            events.Publish("refund.updated", refund.ToJson(), null, charge.PaymentIntentId, session);
        }
    }

    private Charge ChargeToRefund(StripeParams p)
    {
        if (p.String("charge") is { Length: > 0 } chargeId)
        {
            return store.Charges.TryGetValue(chargeId, out var byId)
                ? byId
                : throw new StripeErrorException(StripeError.NoSuch("charge", chargeId, "charge"));
        }

        var intentId = p.String("payment_intent");
        if (string.IsNullOrEmpty(intentId))
        {
            throw new StripeErrorException(StripeError.InvalidRequest("One of the following params should be provided for this request: payment_intent or charge.", "payment_intent", "parameter_missing"));
        }

        if (!store.PaymentIntents.TryGetValue(intentId, out var intent))
        {
            throw new StripeErrorException(StripeError.NoSuch("payment_intent", intentId, "payment_intent"));
        }

        return intent is { Status: "succeeded", LatestCharge: { } charge }
            ? charge
            : throw new StripeErrorException(StripeError.InvalidRequest(
                $"This PaymentIntent ({intentId}) does not have a successful charge to refund.", "payment_intent", "charge_not_refundable"));
    }

    private string? SessionOf(Charge charge) =>
        store.PaymentIntents.TryGetValue(charge.PaymentIntentId, out var intent) ? intent.SessionId : null;
}
