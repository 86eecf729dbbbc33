using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Stripe.Api;
using IpoctoPayments.Simulator.Stripe.Model;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.Stripe.Engine;

/// <summary>
/// Disputes, as Stripe's test mode runs them: opened by the dispute test cards right after the payment succeeds,
/// answered with evidence, and decided by the magic evidence text once
/// <see cref="StripeSimulatorOptions.DisputeDecisionDelay"/> has passed on the clock.
/// </summary>
internal sealed class DisputeEngine(StripeStore store, StripeEventPublisher events, SimulatorIds ids, SimulatorScheduler scheduler, TimeProvider clock, IOptions<SimulatorOptions> options)
{
    public const string WinningEvidence = "winning_evidence";
    public const string LosingEvidence = "losing_evidence";

    /// <summary>The reasons a Stripe dispute can carry.</summary>
    public static readonly IReadOnlyList<string> Reasons =
    [
        "bank_cannot_process", "check_returned", "credit_not_processed", "customer_initiated", "debit_not_authorized", "duplicate",
        "fraudulent", "general", "incorrect_account_details", "insufficient_funds", "product_not_received", "product_unacceptable",
        "subscription_canceled", "unrecognized",
    ];

    /// <summary>How long the merchant has to answer, counted from when the dispute opens.</summary>
    public static readonly TimeSpan ResponseWindow = TimeSpan.FromDays(7);

    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Opens a dispute on a charge that has just succeeded; the caller holds the store's gate.</summary>
    public Dispute OpenLocked(Charge charge, string sessionId, string reason, bool inquiry, long? amount = null)
    {
        var dispute = new Dispute
        {
            Id = ids.Next("dp_"),
            Created = Now,
            Amount = amount ?? charge.Amount,
            Currency = charge.Currency,
            ChargeId = charge.Id,
            PaymentIntentId = charge.PaymentIntentId,
            Reason = reason,
            IsInquiry = inquiry,
            DueBy = (clock.GetUtcNow() + ResponseWindow).ToUnixTimeSeconds(),
            Status = inquiry ? "warning_needs_response" : "needs_response",
        };
        charge.Disputed = true;
        store.Disputes.Add(dispute.Id, dispute);
        events.Publish("charge.dispute.created", dispute.ToJson(), null, sessionId, charge.PaymentIntentId);
        if (!inquiry)
        {
            dispute.BalanceTransactions.Add(BalanceTransaction(dispute, -dispute.Amount, "Chargeback withdrawal", "dispute"));
            events.Publish("charge.dispute.funds_withdrawn", dispute.ToJson(), null, sessionId, charge.PaymentIntentId);
        }

        return dispute;
    }

    /// <summary>
    /// The control API's "dispute this payment": a chargeback (funds withdrawn) on a succeeded PaymentIntent's charge,
    /// for <paramref name="amount"/> or the whole charge.
    /// </summary>
    public Dispute Open(string paymentIntentId, string reason, long? amount)
    {
        lock (store.Gate)
        {
            if (!store.PaymentIntents.TryGetValue(paymentIntentId, out var intent))
            {
                throw new StripeErrorException(StripeError.NoSuch("payment_intent", paymentIntentId));
            }

            if (intent.Status != "succeeded" || intent.LatestCharge is not { } charge)
            {
                throw new StripeErrorException(StripeError.InvalidRequest(
                    $"PaymentIntent {paymentIntentId} is {intent.Status}; only a succeeded payment can be disputed.", code: "payment_intent_unexpected_state"));
            }

            if (charge.Disputed)
            {
                throw new StripeErrorException(StripeError.InvalidRequest($"Charge {charge.Id} has already been disputed.", code: "charge_already_disputed"));
            }

            if (amount is <= 0 || amount > charge.Amount)
            {
                throw new StripeErrorException(StripeError.InvalidRequest(
                    $"Invalid amount: a dispute takes 1 to {charge.Amount} ({charge.Currency} minor units).", "amount", "parameter_invalid_integer"));
            }

            return OpenLocked(charge, intent.SessionId, reason, inquiry: false, amount);
        }
    }

    /// <summary>The control API's decision, now: closed won (funds reinstated) or lost, whatever the evidence says.</summary>
    public Dispute Decide(string id, bool won)
    {
        lock (store.Gate)
        {
            var dispute = Find(id);
            RequireOpen(dispute);
            Resolve(dispute, won);
            return dispute;
        }
    }

    /// <summary>Decides the dispute after <paramref name="after"/> on the clock, evidence or not, unless it closed first.</summary>
    public void DecideLater(Dispute dispute, bool won, TimeSpan after) =>
        scheduler.ScheduleAfter(after, $"decide {dispute.Id} ({(won ? "won" : "lost")})", _ =>
        {
            lock (store.Gate)
            {
                if (!dispute.IsClosed)
                {
                    Resolve(dispute, won);
                }
            }

            return Task.CompletedTask;
        });

    /// <summary><c>POST /v1/disputes/{id}</c>: evidence and metadata; submitted (the default) it goes under review.</summary>
    public Dispute Update(string id, StripeParams p, EventRequest origin)
    {
        lock (store.Gate)
        {
            var dispute = Find(id);
            var evidence = p.Map("evidence");
            if (evidence.Keys.FirstOrDefault(k => !Dispute.EvidenceFields.Contains(k, StringComparer.Ordinal)) is { } unknown)
            {
                throw new StripeErrorException(StripeError.InvalidRequest($"Received unknown parameter: evidence[{unknown}]", $"evidence[{unknown}]", "parameter_unknown"));
            }

            var submit = Submit(p);
            RequireOpen(dispute);
            if (dispute.Status is "under_review" or "warning_under_review" && (evidence.Count > 0 || submit))
            {
                throw new StripeErrorException(StripeError.InvalidRequest(
                    $"This dispute ({id}) is under review: its evidence was submitted and can no longer be changed."));
            }

            foreach (var (field, value) in evidence)
            {
                SetOrRemove(dispute.Evidence, field, value);
            }

            foreach (var (key, value) in p.Map("metadata"))
            {
                SetOrRemove(dispute.Metadata, key, value);
            }

            if (submit)
            {
                dispute.SubmissionCount++;
                dispute.Status = dispute.IsInquiry ? "warning_under_review" : "under_review";
                ScheduleDecision(dispute);
            }

            events.Publish("charge.dispute.updated", dispute.ToJson(), origin, SessionOf(dispute), dispute.PaymentIntentId);
            return dispute;
        }
    }

    /// <summary><c>POST /v1/disputes/{id}/close</c>: the merchant accepts the dispute and loses it.</summary>
    public Dispute Close(string id, EventRequest origin)
    {
        lock (store.Gate)
        {
            var dispute = Find(id);
            RequireOpen(dispute);
            dispute.Status = "lost";
            events.Publish("charge.dispute.closed", dispute.ToJson(), origin, SessionOf(dispute), dispute.PaymentIntentId);
            return dispute;
        }
    }

    private void ScheduleDecision(Dispute dispute) =>
        scheduler.ScheduleAfter(options.Value.Stripe.DisputeDecisionDelay, $"decide {dispute.Id}", _ =>
        {
            lock (store.Gate)
            {
                DecideByEvidence(dispute);
            }

            return Task.CompletedTask;
        });

    /// <summary>Only the magic evidence decides; any other evidence leaves the dispute under review, as in Stripe's test mode.</summary>
    private void DecideByEvidence(Dispute dispute)
    {
        if (dispute.Status is not ("under_review" or "warning_under_review"))
        {
            return;
        }

        var text = dispute.Evidence.GetValueOrDefault("uncategorized_text");
        if (string.Equals(text, WinningEvidence, StringComparison.Ordinal))
        {
            Resolve(dispute, won: true);
        }
        else if (string.Equals(text, LosingEvidence, StringComparison.Ordinal))
        {
            Resolve(dispute, won: false);
        }
    }

    /// <summary>
    /// Closes an open dispute: won reinstates a chargeback's funds (an inquiry just closes), lost keeps them withdrawn (an
    /// inquiry lost is withdrawn first).
    /// </summary>
    private void Resolve(Dispute dispute, bool won)
    {
        var session = SessionOf(dispute);
        if (won)
        {
            dispute.Status = dispute.IsInquiry ? "warning_closed" : "won";
            events.Publish("charge.dispute.closed", dispute.ToJson(), null, session, dispute.PaymentIntentId);
            if (!dispute.IsInquiry)
            {
                dispute.BalanceTransactions.Add(BalanceTransaction(dispute, dispute.Amount, "Chargeback reversal", "dispute_reversal"));
                events.Publish("charge.dispute.funds_reinstated", dispute.ToJson(), null, session, dispute.PaymentIntentId);
            }
        }
        else
        {
            dispute.Status = "lost";
            if (dispute.IsInquiry)
            {
                // An inquiry the merchant loses becomes the chargeback it was the warning of: the funds are withdrawn then.
                dispute.IsInquiry = false;
                dispute.BalanceTransactions.Add(BalanceTransaction(dispute, -dispute.Amount, "Chargeback withdrawal", "dispute"));
                events.Publish("charge.dispute.funds_withdrawn", dispute.ToJson(), null, session, dispute.PaymentIntentId);
            }

            events.Publish("charge.dispute.closed", dispute.ToJson(), null, session, dispute.PaymentIntentId);
        }
    }

    private Dispute Find(string id) =>
        store.Disputes.TryGetValue(id, out var dispute) ? dispute : throw new StripeErrorException(StripeError.NoSuch("dispute", id, "dispute"));

    private static void RequireOpen(Dispute dispute)
    {
        if (dispute.IsClosed)
        {
            throw new StripeErrorException(StripeError.InvalidRequest($"This dispute is already closed: its status is {dispute.Status}.", code: "dispute_already_closed"));
        }
    }

    private static bool Submit(StripeParams p) => p.String("submit") switch
    {
        null or "true" => true,
        "false" => false,
        var other => throw new StripeErrorException(StripeError.InvalidRequest($"Invalid boolean: {other}", "submit", "parameter_invalid_boolean")),
    };

    /// <summary>Stripe's rule for hashes: an empty value removes the key.</summary>
    private static void SetOrRemove(Dictionary<string, string> target, string key, string value)
    {
        if (value.Length == 0)
        {
            target.Remove(key);
        }
        else
        {
            target[key] = value;
        }
    }

    private JsonObject BalanceTransaction(Dispute dispute, long amount, string description, string category) => new()
    {
        ["id"] = ids.Next("txn_"),
        ["object"] = "balance_transaction",
        ["amount"] = amount,
        ["available_on"] = Now,
        ["created"] = Now,
        ["currency"] = dispute.Currency,
        ["description"] = $"{description} for {dispute.ChargeId}",
        ["exchange_rate"] = null,
        ["fee"] = 0,
        ["fee_details"] = new JsonArray(),
        ["net"] = amount,
        ["reporting_category"] = category,
        ["source"] = dispute.Id,
        ["status"] = "available",
        ["type"] = "adjustment",
    };

    private string? SessionOf(Dispute dispute) =>
        store.PaymentIntents.TryGetValue(dispute.PaymentIntentId, out var intent) ? intent.SessionId : null;
}
