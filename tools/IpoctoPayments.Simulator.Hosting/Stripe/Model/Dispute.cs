using System.Text.Json.Nodes;

namespace IpoctoPayments.Simulator.Stripe.Model;

/// <summary>
/// A dispute (<c>dp_…</c>) on a charge: an inquiry (<c>warning_*</c> statuses, no money moved) or a chargeback
/// (<c>needs_response</c>, the amount withdrawn at once and reinstated if the merchant wins).
/// </summary>
internal sealed class Dispute
{
    /// <summary>The evidence fields Stripe's Dispute object carries, all null until the merchant fills them.</summary>
    public static readonly IReadOnlyList<string> EvidenceFields =
    [
        "access_activity_log", "billing_address", "cancellation_policy", "cancellation_policy_disclosure", "cancellation_rebuttal",
        "customer_communication", "customer_email_address", "customer_name", "customer_purchase_ip", "customer_signature",
        "duplicate_charge_documentation", "duplicate_charge_explanation", "duplicate_charge_id", "product_description", "receipt",
        "refund_policy", "refund_policy_disclosure", "refund_refusal_explanation", "service_date", "service_documentation",
        "shipping_address", "shipping_carrier", "shipping_date", "shipping_documentation", "shipping_tracking_number",
        "uncategorized_file", "uncategorized_text",
    ];

    public required string Id { get; init; }

    public required long Created { get; init; }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public required string ChargeId { get; init; }

    public required string PaymentIntentId { get; init; }

    public required string Reason { get; init; }

    public required bool IsInquiry { get; set; }

    public required long DueBy { get; init; }

    public required string Status { get; set; }

    public Dictionary<string, string> Evidence { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

    public int SubmissionCount { get; set; }

    public List<JsonObject> BalanceTransactions { get; } = [];

    public bool IsClosed => Status is "won" or "lost" or "warning_closed";

    public JsonObject ToJson()
    {
        var evidence = new JsonObject();
        foreach (var field in EvidenceFields)
        {
            evidence[field] = Evidence.GetValueOrDefault(field);
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["object"] = "dispute",
            ["amount"] = Amount,
            ["balance_transactions"] = new JsonArray([.. BalanceTransactions.Select(t => t.DeepClone())]),
            ["charge"] = ChargeId,
            ["created"] = Created,
            ["currency"] = Currency,
            ["evidence"] = evidence,
            ["evidence_details"] = new JsonObject
            {
                ["due_by"] = DueBy,
                ["has_evidence"] = Evidence.Count > 0,
                ["past_due"] = false,
                ["submission_count"] = SubmissionCount,
            },
            // An inquiry leaves the charge refundable; a chargeback has already taken the money back.
            ["is_charge_refundable"] = IsInquiry && !IsClosed,
            ["livemode"] = false,
            ["metadata"] = StripeJson.Map(Metadata),
            ["payment_intent"] = PaymentIntentId,
            ["reason"] = Reason,
            ["status"] = Status,
        };
    }
}
