using System.Globalization;
using IpoctoPayments.Simulator.Control;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Stripe.Api;
using IpoctoPayments.Simulator.Stripe.Engine;
using IpoctoPayments.Simulator.Stripe.Model;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace IpoctoPayments.Simulator.Stripe.Control;

/// <summary>Stripe's triggers: each opens a Checkout Session as the API would and takes it where the event happens.</summary>
internal sealed class StripeTriggers(
    StripeStore store,
    CheckoutEngine checkout,
    RefundEngine refunds,
    FaultPlan faults,
    SimulatorIds ids,
    TimeProvider clock,
    IOptions<SimulatorOptions> options) : ITriggerSource
{
    private const string Provider = ProviderNames.Stripe;

    public IEnumerable<WebhookTrigger> Triggers =>
    [
        new("checkout.session.completed", Provider, "A session paid by card: checkout.session.completed and payment_intent.succeeded.",
            (b, http) => Paid(Open(b, http))),
        new("payment_intent.succeeded", Provider, "Same as checkout.session.completed.", (b, http) => Paid(Open(b, http))),
        new("payment_intent.payment_failed", Provider, "A card declined (declineCode, default generic_decline); the session stays open.",
            (b, http) => Declined(b, http)),
        new("checkout.session.expired", Provider, "A session expired unpaid.", (b, http) => Expired(Open(b, http))),
        new("checkout.session.async_payment_succeeded", Provider, "A delayed payment: completed unpaid, then settled paid.",
            (b, http) => Settled(Open(b, http), succeed: true)),
        new("checkout.session.async_payment_failed", Provider, "A delayed payment: completed unpaid, then settled failed.",
            (b, http) => Settled(Open(b, http), succeed: false)),
        new("charge.refunded", Provider, "A paid session refunded in full: refund.created and charge.refunded now, refund.updated 5 s later.",
            (b, http) => Refunded(Open(b, http))),
        new("charge.dispute.created", Provider, "A paid session disputed as fraudulent: charge.dispute.created and charge.dispute.funds_withdrawn.",
            (b, http) => Disputed(Open(b, http))),
        new("late-capture", Provider, "The bank-sync delay: the session is reported expired, the money captured after delay (default 2 min).",
            (b, http) => LateCapture(b, http)),
        new("duplicate-delivery", Provider, "A paid session whose checkout.session.completed is delivered twice, with the same event id.",
            (b, http) => Duplicated(Open(b, http))),
    ];

    private CheckoutSession Open(TriggerBody body, HttpContext http)
    {
        var form = new Dictionary<string, StringValues>(StringComparer.Ordinal)
        {
            ["mode"] = "payment",
            ["success_url"] = "http://localhost/topups/done?session={CHECKOUT_SESSION_ID}",
            ["line_items[0][price_data][currency]"] = body.Currency ?? "usd",
            ["line_items[0][price_data][unit_amount]"] = (body.Amount ?? 2000).ToString(CultureInfo.InvariantCulture),
            ["line_items[0][price_data][product_data][name]"] = "Balance top-up",
            ["line_items[0][quantity]"] = "1",
            ["metadata[simulator_trigger]"] = "true",
        };
        var session = Call(() => SessionRequest.Read(StripeParams.From([], form), ids, clock.GetUtcNow(), PublicBaseUrl.Of(http.Request, options.Value)));
        checkout.Open(session);
        return session;
    }

    private TriggerOutcome Paid(CheckoutSession session)
    {
        Call(() => checkout.Pay(session.Id, Visa()));
        return Outcome(session);
    }

    private TriggerOutcome Declined(TriggerBody body, HttpContext http)
    {
        var declineCode = body.DeclineCode ?? "generic_decline";
        if (!TestCards.CardForDecline.TryGetValue(declineCode, out var card))
        {
            throw new TriggerRejection("invalid_decline_code", $"Unknown decline code '{declineCode}': use {string.Join(", ", TestCards.CardForDecline.Keys)}.");
        }

        var session = Open(body, http);
        Call(() => checkout.Pay(session.Id, new CardAttempt(card, 12, clock.GetUtcNow().Year + 3)));
        return Outcome(session);
    }

    private TriggerOutcome Expired(CheckoutSession session)
    {
        Call(() => checkout.Expire(session.Id));
        return Outcome(session);
    }

    private TriggerOutcome Settled(CheckoutSession session, bool succeed)
    {
        Call(() => checkout.LeavePending(session.Id));
        Call(() => checkout.Settle(IntentOf(session), succeed));
        return Outcome(session);
    }

    private TriggerOutcome Refunded(CheckoutSession session)
    {
        Paid(session);
        var form = new Dictionary<string, StringValues>(StringComparer.Ordinal) { ["payment_intent"] = IntentOf(session) };
        var refund = Call(() => refunds.Create(StripeParams.From([], form), new EventRequest(null, null)));
        return Outcome(session, ("refund", refund.Id));
    }

    /// <summary>Paid with the fraudulent-dispute test card, as the Stripe CLI's fixture does.</summary>
    private TriggerOutcome Disputed(CheckoutSession session)
    {
        Call(() => checkout.Pay(session.Id, new CardAttempt(TestCards.DisputedFraudulent, 12, clock.GetUtcNow().Year + 3)));
        string? dispute;
        lock (store.Gate)
        {
            dispute = store.Disputes.Values.LastOrDefault(d => d.PaymentIntentId == session.PaymentIntentId)?.Id;
        }

        // A bank-sync delay in force reports the session expired first: nothing is paid, so nothing is disputed yet.
        return dispute is null
            ? throw new TriggerRejection("payment_not_captured", $"{session.Id} was not paid at once (a bank-sync delay is in force), so it has no dispute.")
            : Outcome(session, ("dispute", dispute));
    }

    private TriggerOutcome LateCapture(TriggerBody body, HttpContext http)
    {
        var delay = body.CheckedDelay();
        var session = Open(body, http);
        faults.SetTarget(session.Id, new FaultSettings { BankSyncDelay = delay });
        Paid(session);
        return Outcome(session) with { Note = $"payment_intent.succeeded follows in {delay} on the simulator's clock (or POST /_simulator/clock/advance)." };
    }

    private TriggerOutcome Duplicated(CheckoutSession session)
    {
        faults.SetTarget(session.Id, new FaultSettings { Webhooks = new WebhookFault { EventType = "checkout.session.completed", Duplicates = 1, Times = 1 } });
        return Paid(session);
    }

    private CardAttempt Visa() => new(TestCards.Visa, 12, clock.GetUtcNow().Year + 3);

    private string IntentOf(CheckoutSession session)
    {
        lock (store.Gate)
        {
            return session.PaymentIntentId ?? throw new InvalidOperationException($"{session.Id} has no PaymentIntent.");
        }
    }

    private TriggerOutcome Outcome(CheckoutSession session, params (string Kind, string Id)[] more)
    {
        var objects = new Dictionary<string, string>(StringComparer.Ordinal) { ["checkout_session"] = session.Id };
        lock (store.Gate)
        {
            if (session.PaymentIntentId is { } intent)
            {
                objects["payment_intent"] = intent;
            }
        }

        foreach (var (kind, id) in more)
        {
            objects[kind] = id;
        }

        return new TriggerOutcome(session.Id, objects);
    }

    /// <summary>A Stripe error from the engines (an unknown currency, an amount too small) is the trigger's 400.</summary>
    private static T Call<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (StripeErrorException exception)
        {
            throw new TriggerRejection(exception.Error.Code ?? "invalid_request", exception.Error.Message);
        }
    }
}
