using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Stripe.Api;
using IpoctoPayments.Simulator.Stripe.Model;

namespace IpoctoPayments.Simulator.Stripe.Engine;

/// <summary>
/// Everything that happens to a Checkout Session after it is opened — payment attempts, 3-D Secure, pending
/// payments and their settlement, expiry, the bank-sync-delay fault — shared by the hosted page and the control API.
/// </summary>
internal sealed class CheckoutEngine(StripeStore store, StripeEventPublisher events, DisputeEngine disputes, SimulatorIds ids, SimulatorScheduler scheduler, FaultPlan faults, TimeProvider clock)
{
    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Stores a new session and schedules its expiry at <c>expires_at</c>.</summary>
    public void Open(CheckoutSession session)
    {
        lock (store.Gate)
        {
            store.Sessions.Add(session.Id, session);
        }

        scheduler.Schedule(DateTimeOffset.FromUnixTimeSeconds(session.ExpiresAt), $"expire {session.Id}", _ =>
        {
            lock (store.Gate)
            {
                if (store.Sessions.TryGetValue(session.Id, out var current) && current.IsOpen)
                {
                    ExpireLocked(current, null);
                }
            }

            return Task.CompletedTask;
        });
    }

    public PaymentOutcome Pay(string sessionId, PaymentAttempt attempt, EventRequest? origin = null)
    {
        lock (store.Gate)
        {
            var session = OpenSession(sessionId);
            switch (attempt)
            {
                case WeChatPayAttempt:
                    Require(session, "wechat_pay");
                    return SucceedLocked(session, new PaymentMethodDetails(ids.Next("pm_"), "wechat_pay", null), origin);
                case CardAttempt card:
                    Require(session, "card");
                    var method = new PaymentMethodDetails(ids.Next("pm_"), "card", new CardDetails(TestCards.Brand(card.Number), card.Number[^4..], card.ExpMonth, card.ExpYear, card.Wallet));
                    if (TestCards.DeclineFor(card.Number) is { } decline)
                    {
                        return DeclineLocked(session, method, decline, origin);
                    }

                    if (card.Number == TestCards.ThreeDSecure)
                    {
                        var intent = IntentFor(session);
                        intent.PaymentMethod = method;
                        intent.Status = "requires_action";
                        session.AwaitingAuthentication = method.Card;
                        return new PaymentOutcome(PaymentOutcomeKind.RequiresAction, session.ToJson(), intent.ToJson());
                    }

                    return SucceedLocked(session, method, origin, card.Number);
                default:
                    throw new ArgumentOutOfRangeException(nameof(attempt));
            }
        }
    }

    /// <summary>The customer's answer to the 3-D Secure challenge.</summary>
    public PaymentOutcome Authenticate(string sessionId, bool approve, EventRequest? origin = null)
    {
        lock (store.Gate)
        {
            var session = OpenSession(sessionId);
            if (session.AwaitingAuthentication is not { } card || session.PaymentIntentId is null)
            {
                throw new StripeErrorException(StripeError.InvalidRequest($"Checkout Session {sessionId} has no payment waiting for 3-D Secure authentication."));
            }

            session.AwaitingAuthentication = null;
            var method = store.PaymentIntents[session.PaymentIntentId].PaymentMethod ?? new PaymentMethodDetails(ids.Next("pm_"), "card", card);
            return approve ? SucceedLocked(session, method, origin) : DeclineLocked(session, method, TestCards.AuthenticationFailed(), origin);
        }
    }

    /// <summary>A delayed payment: submitted, not yet settled (<c>checkout.session.completed</c> with <c>payment_status: unpaid</c>).</summary>
    public PaymentOutcome LeavePending(string sessionId, EventRequest? origin = null)
    {
        lock (store.Gate)
        {
            var session = OpenSession(sessionId);
            var intent = IntentFor(session);
            intent.PaymentMethod = new PaymentMethodDetails(ids.Next("pm_"), session.PaymentMethodTypes[0], null);
            intent.Status = "processing";
            intent.LastPaymentError = null;
            session.Status = "complete";
            session.AwaitingAuthentication = null;
            events.Publish("checkout.session.completed", session.ToJson(), origin, session.Id, intent.Id);
            return new PaymentOutcome(PaymentOutcomeKind.Pending, session.ToJson(), intent.ToJson());
        }
    }

    /// <summary>Settles a processing PaymentIntent: the async payment succeeds or fails.</summary>
    public PaymentOutcome Settle(string paymentIntentId, bool succeed, EventRequest? origin = null)
    {
        lock (store.Gate)
        {
            if (!store.PaymentIntents.TryGetValue(paymentIntentId, out var intent))
            {
                throw new StripeErrorException(StripeError.NoSuch("payment_intent", paymentIntentId));
            }

            if (intent.Status != "processing")
            {
                throw new StripeErrorException(StripeError.InvalidRequest(
                    $"PaymentIntent {paymentIntentId} is {intent.Status}; only a processing PaymentIntent can be settled.", code: "payment_intent_unexpected_state"));
            }

            var session = store.Sessions[intent.SessionId];
            var completed = session.Status == "complete";
            if (!succeed)
            {
                intent.Status = "requires_payment_method";
                intent.LastPaymentError = TestCards.Decline("generic_decline");
                events.Publish("payment_intent.payment_failed", intent.ToJson(), origin, session.Id, intent.Id);
                if (completed)
                {
                    events.Publish("checkout.session.async_payment_failed", session.ToJson(), origin, session.Id, intent.Id);
                }

                return new PaymentOutcome(PaymentOutcomeKind.Failed, session.ToJson(), intent.ToJson(), intent.LastPaymentError);
            }

            if (completed && faults.BankSyncDelayFor(session.Id, intent.Id) is { } delay)
            {
                events.Publish("checkout.session.async_payment_failed", session.ToJson(), origin, session.Id, intent.Id);
                ScheduleLateCapture(intent, delay);
                return new PaymentOutcome(PaymentOutcomeKind.ReportedFailed, session.ToJson(), intent.ToJson());
            }

            Capture(intent, origin);
            if (completed)
            {
                session.PaymentStatus = "paid";
                events.Publish("checkout.session.async_payment_succeeded", session.ToJson(), origin, session.Id, intent.Id);
            }

            return new PaymentOutcome(PaymentOutcomeKind.Paid, session.ToJson(), intent.ToJson());
        }
    }

    public CheckoutSession Expire(string sessionId, EventRequest? origin = null)
    {
        lock (store.Gate)
        {
            var session = Find(sessionId);
            if (!session.IsOpen)
            {
                throw new StripeErrorException(StripeError.InvalidRequest(
                    $"Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a status of \"{session.Status}\"."));
            }

            ExpireLocked(session, origin);
            return session;
        }
    }

    private CheckoutSession Find(string sessionId) =>
        store.Sessions.TryGetValue(sessionId, out var session)
            ? session
            : throw new StripeErrorException(StripeError.NoSuch("checkout.session", sessionId, "session"));

    private CheckoutSession OpenSession(string sessionId)
    {
        var session = Find(sessionId);
        return session.IsOpen
            ? session
            : throw new StripeErrorException(StripeError.InvalidRequest(
                $"This Checkout Session is {session.Status}; payments are only taken while it is open.", code: "checkout_session_not_open"));
    }

    private static void Require(CheckoutSession session, string paymentMethodType)
    {
        if (!session.Allows(paymentMethodType))
        {
            throw new StripeErrorException(StripeError.InvalidRequest(
                $"The payment method type '{paymentMethodType}' is not allowed on Checkout Session {session.Id}.", "payment_method_type", "payment_method_not_available"));
        }
    }

    private PaymentIntent IntentFor(CheckoutSession session)
    {
        if (session.PaymentIntentId is { } existing)
        {
            return store.PaymentIntents[existing];
        }

        var intent = new PaymentIntent
        {
            Id = ids.Next("pi_"),
            Created = Now,
            Amount = session.AmountTotal,
            Currency = session.Currency,
            SessionId = session.Id,
            Metadata = session.PaymentIntentMetadata,
        };
        store.PaymentIntents.Add(intent.Id, intent);
        session.PaymentIntentId = intent.Id;
        return intent;
    }

    private PaymentOutcome DeclineLocked(CheckoutSession session, PaymentMethodDetails method, StripeError decline, EventRequest? origin)
    {
        var intent = IntentFor(session);
        intent.PaymentMethod = method;
        intent.Status = "requires_payment_method";
        intent.LastPaymentError = decline;
        var intentJson = intent.ToJson();
        events.Publish("payment_intent.payment_failed", intentJson, origin, session.Id, intent.Id);
        return new PaymentOutcome(PaymentOutcomeKind.Declined, session.ToJson(), intentJson, decline with { PaymentIntent = intentJson });
    }

    private PaymentOutcome SucceedLocked(CheckoutSession session, PaymentMethodDetails method, EventRequest? origin, string? cardNumber = null)
    {
        var intent = IntentFor(session);
        intent.PaymentMethod = method;
        intent.LastPaymentError = null;
        session.AwaitingAuthentication = null;
        if (faults.BankSyncDelayFor(session.Id, intent.Id) is { } delay)
        {
            // The guide's "deducted, but the order shows failed": the session is reported expired, the money arrives later.
            intent.Status = "processing";
            ExpireLocked(session, origin);
            ScheduleLateCapture(intent, delay);
            return new PaymentOutcome(PaymentOutcomeKind.ReportedFailed, session.ToJson(), intent.ToJson());
        }

        session.Status = "complete";
        session.PaymentStatus = "paid";
        Capture(intent, origin);
        events.Publish("checkout.session.completed", session.ToJson(), origin, session.Id, intent.Id);
        if (cardNumber is not null && TestCards.DisputeFor(cardNumber) is { } dispute && intent.LatestCharge is { } charge)
        {
            disputes.OpenLocked(charge, session.Id, dispute.Reason, dispute.Inquiry);
        }

        return new PaymentOutcome(PaymentOutcomeKind.Paid, session.ToJson(), intent.ToJson());
    }

    private void Capture(PaymentIntent intent, EventRequest? origin)
    {
        var charge = new Charge
        {
            Id = ids.Next("ch_"),
            Created = Now,
            Amount = intent.Amount,
            Currency = intent.Currency,
            PaymentIntentId = intent.Id,
            PaymentMethod = intent.PaymentMethod ?? new PaymentMethodDetails(ids.Next("pm_"), "card", null),
        };
        store.Charges.Add(charge.Id, charge);
        intent.LatestCharge = charge;
        intent.Status = "succeeded";
        events.Publish("payment_intent.succeeded", intent.ToJson(), origin, intent.SessionId, intent.Id);
    }

    private void ScheduleLateCapture(PaymentIntent intent, TimeSpan delay) =>
        scheduler.ScheduleAfter(delay, $"late capture {intent.Id}", _ =>
        {
            lock (store.Gate)
            {
                if (intent.Status == "processing")
                {
                    Capture(intent, null);
                }
            }

            return Task.CompletedTask;
        });

    private void ExpireLocked(CheckoutSession session, EventRequest? origin)
    {
        session.Status = "expired";
        session.AwaitingAuthentication = null;
        if (session.PaymentIntentId is { } intentId && store.PaymentIntents[intentId] is { Status: not ("processing" or "succeeded") } intent)
        {
            intent.Status = "canceled";
        }

        events.Publish("checkout.session.expired", session.ToJson(), origin, session.Id, session.PaymentIntentId);
    }
}
