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

    /// <summary>How long the merchant has to answer, counted from when the dispute opens.</summary>
    public static readonly TimeSpan ResponseWindow = TimeSpan.FromDays(7);

    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Opens a dispute on a charge that has just succeeded; the caller holds the store's gate.</summary>
    public Dispute OpenLocked(Charge charge, string sessionId, string reason, bool inquiry)
    {
        var dispute = new Dispute
        {
            Id = ids.Next("dp_"),
            Created = Now,
            Amount = charge.Amount,
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
                Decide(dispute);
            }

            return Task.CompletedTask;
        });

    /// <summary>Only the magic evidence decides; any other evidence leaves the dispute under review, as in Stripe's test mode.</summary>
    private void Decide(Dispute dispute)
    {
        if (dispute.Status is not ("under_review" or "warning_under_review"))
        {
            return;
        }

        var text = dispute.Evidence.GetValueOrDefault("uncategorized_text");
        var session = SessionOf(dispute);
        if (string.Equals(text, WinningEvidence, StringComparison.Ordinal))
        {
            dispute.Status = dispute.IsInquiry ? "warning_closed" : "won";
            events.Publish("charge.dispute.closed", dispute.ToJson(), null, session, dispute.PaymentIntentId);
            if (!dispute.IsInquiry)
            {
                dispute.BalanceTransactions.Add(BalanceTransaction(dispute, dispute.Amount, "Chargeback reversal", "dispute_reversal"));
                events.Publish("charge.dispute.funds_reinstated", dispute.ToJson(), null, session, dispute.PaymentIntentId);
            }
        }
        else if (string.Equals(text, LosingEvidence, StringComparison.Ordinal))
        {
            dispute.Status = "lost";
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
