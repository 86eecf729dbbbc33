namespace IpoctoPayments.Api.Common;

/// <summary>A problem <c>code</c> the API answers with, its HTTP status and what it means for the caller.</summary>
public sealed record ProblemCode(string Code, int Status, string Meaning);

/// <summary>
/// Every problem code a caller can meet that is not a payment error (those are in the domain's <c>PaymentErrors</c>):
/// the API reference lists them from here, and a test checks that each code the code base raises is listed.
/// </summary>
public static class ProblemCodes
{
    public static ProblemCode ValidationFailed { get; } = new("validation_failed", 400, "Several fields are not valid; `errors` lists each one with its `field` and `code`.");
    public static ProblemCode MalformedBody { get; } = new("malformed_body", 400, "The body is empty or is not JSON of the endpoint's shape; `field` names the first value that did not read.");
    public static ProblemCode InvalidParameter { get; } = new("invalid_parameter", 400, "A query or route value has the wrong type (a `limit` that is not a number, say).");
    public static ProblemCode Unauthenticated { get; } = new("unauthenticated", 401, "No bearer token, or one that is expired, unsigned or for another audience.");
    public static ProblemCode Forbidden { get; } = new("forbidden", 403, "The token is valid but lacks the scope this endpoint needs.");
    public static ProblemCode NotFound { get; } = new("not_found", 404, "No such route.");
    public static ProblemCode MethodNotAllowed { get; } = new("method_not_allowed", 405, "The route exists, but not for this HTTP method.");
    public static ProblemCode BodyTooLarge { get; } = new("body_too_large", 413, "The body is larger than the endpoint accepts (64 KB for JSON, 256 KB for webhooks).");
    public static ProblemCode UnsupportedMediaType { get; } = new("unsupported_media_type", 415, "The body is not sent as `application/json`.");
    public static ProblemCode TooManyRequests { get; } = new("too_many_requests", 429, "The account created more top-ups this minute than allowed; wait for `Retry-After` seconds.");
    public static ProblemCode WriteContention { get; } = new("write_contention", 503, "Other changes to the same order or balance kept getting there first; nothing was written. Send the same request again after `Retry-After` seconds (providers redeliver webhooks by themselves).");
    public static ProblemCode ShuttingDown { get; } = new("shutting_down", 503, "The instance that took the request is stopping; nothing was carried out. Send the same request again after `Retry-After` seconds: it reaches another instance (providers redeliver webhooks by themselves).");
    public static ProblemCode ServiceUnavailable { get; } = new("service_unavailable", 503, "The database that counts each account's top-ups did not answer, so the top-up was refused rather than let through uncounted; nothing was done. Send the same request again after `Retry-After` seconds.");
    public static ProblemCode InternalError { get; } = new("internal_error", 500, "A fault on our side; nothing was carried out. Quote the `traceId` to support.");
    public static ProblemCode RequestFailed { get; } = new("request_failed", 0, "Any other refusal by the web server; the status says which.");

    public static IReadOnlyList<ProblemCode> All { get; } =
    [
        ValidationFailed,
        MalformedBody,
        InvalidParameter,
        new("amount_required", 400, "`amount` is missing."),
        new("invalid_amount", 400, "The amount is not a positive decimal number (`\"20.00\"`), or is zero."),
        new("invalid_precision", 400, "The amount has more decimals than its currency allows."),
        new("currency_required", 400, "The amount has no currency."),
        new("currency_not_supported", 400, "The currency is not the balance currency (USD) or not an ISO 4217 code; 422 when the chosen method cannot be paid in it at the moment."),
        new("country_required", 400, "`country` is missing."),
        new("invalid_country", 400, "`country` is not an ISO 3166-1 alpha-2 code such as `PH`."),
        new("provider_required", 400, "`provider` is missing."),
        new("provider_not_supported", 400, "`provider` is neither `stripe` nor `payermax`."),
        new("payment_method_unknown", 400, "`paymentMethod` is not a method code (lowercase letters, digits, `_`), or names no method of that provider (422); `GET /api/v1/payment-methods` lists them."),
        new("return_url_required", 400, "`returnUrl` is missing."),
        new("invalid_return_url", 400, "`returnUrl` is not an absolute http or https address."),
        new("return_url_not_allowed", 400, "`returnUrl` is not a page of the console: its scheme, host and port must be those of a configured console origin, and it may not hold a user name; `detail` names the origins."),
        new("invalid_idempotency_key", 400, "The `Idempotency-Key` header is not 1 to 255 printable ASCII characters."),
        new("invalid_limit", 400, "`limit` is outside 1 to 100 (top-ups) or 1 to 200 (ledger, open disputes)."),
        new("invalid_cursor", 400, "The ledger's `cursor` is below 1: it is not a `nextCursor` this API handed out."),
        new("body_not_accepted", 400, "A body was sent to an endpoint that takes none (starting a reconciliation run)."),
        new("invalid_account_id", 400, "The token's subject is not a usable ipocto account id."),
        new("signature_missing", 400, "A webhook came without its signature header; it is not stored."),
        new("invalid_signature", 400, "A webhook's signature does not verify; it is not trusted or stored."),
        new("malformed_event", 400, "A signed webhook's body is not an event this service can read."),
        new("api_version_mismatch", 400, "A Stripe event signed for another API version; the webhook endpoint's version must be changed at Stripe."),
        new("wrong_merchant", 400, "A PayerMax notification for another merchant or app."),
        new("provider_not_configured", 400, "A webhook for a provider this deployment has no keys for."),
        new("payment_not_yet_known", 409, "A dispute webhook for a payment this service does not know as paid yet; nothing was kept, and the provider delivers it again (for `Disputes:WaitForPayment`, then it is acknowledged)."),
        Unauthenticated,
        Forbidden,
        NotFound,
        new("topup_not_found", 404, "No top-up with that id on this account (another account's top-up is not found either)."),
        new("invalid_order_number", 400, "Not an order number; they look like `TU-7K3M9-QX2AB`."),
        new("order_not_found", 404, "No order with that order number."),
        new("refund_not_found", 409, "The order has no refund with that id."),
        new("debit_not_found", 404, "The account has no billing debit with that id."),
        new("invalid_reference", 400, "A debit's `reference` is missing, longer than 200 characters or holds control characters."),
        MethodNotAllowed,
        new("refund_id_conflict", 409, "That refund id already names another refund."),
        new("late_capture_refund_in_progress", 409, "A late payment is already being refunded."),
        new("order_not_late_capture", 409, "The order is not a late capture, so it cannot be credited as one."),
        BodyTooLarge,
        UnsupportedMediaType,
        new("amount_below_minimum", 422, "The amount is below ipocto's minimum for one top-up (`TopUps:Limits:MinimumPerTopUp`, 1.00 USD by default); `detail` names it."),
        new("amount_above_maximum", 422, "The amount is above ipocto's maximum for one top-up (`TopUps:Limits:MaximumPerTopUp`, 10,000.00 USD by default); `detail` names it."),
        new("daily_limit_reached", 422, "The account's top-ups of the last 24 hours, paid or awaiting payment, and this one would pass ipocto's maximum a day (`TopUps:Limits:MaximumPerDay`, 20,000.00 USD by default); `remaining` is the amount that still fits."),
        new("insufficient_balance", 422, "The balance does not hold the amount to debit or refund (it has been spent); nothing was debited."),
        new("idempotency_key_in_use", 409, "A request with the same `Idempotency-Key` is still being processed; send the retry once it has been answered."),
        new("idempotency_key_reused", 422, "The `Idempotency-Key` was used before with a different request; send a new key."),
        new("provider_rejected", 422, "The provider refused the request (its reason is in `detail`)."),
        new("refund_not_supported", 422, "The top-up's payment method cannot be refunded by the provider."),
        new("order_not_refundable", 422, "Only a paid top-up can be refunded."),
        new("dispute_not_found", 404, "No dispute with that id."),
        new("dispute_closed", 409, "The dispute is already won or lost; it takes no more evidence and cannot be accepted."),
        new("invalid_evidence", 400, "Dispute evidence is missing, longer than 20,000 characters, or holds control characters other than line breaks."),
        new("dispute_action_not_supported", 422, "The top-up's provider takes a dispute's evidence and acceptance only in its merchant portal (PayerMax: MMC), not through its API."),
        new("dispute_under_review", 409, "Evidence for the dispute was already submitted and the bank is deciding; it cannot change."),
        new("dispute_before_payment", 409, "A provider reported a dispute of an order not known here as paid yet; the webhook is answered `payment_not_yet_known`."),
        new("dispute_not_credited", 422, "A provider reported a dispute of a payment that never credited the balance (a late payment sent back); nothing moves."),
        new("dispute_amount_invalid", 422, "A provider reported a dispute of more than the order's charge, or in another currency; nothing moves."),
        new("order_disputed", 422, "The cardholder's bank disputes the top-up (open or lost): it cannot be refunded, since the bank already took the money back or may."),
        new("refund_exceeds_remaining", 422, "More than is left to refund on the top-up."),
        new("insufficient_amount", 422, "An amount would go below zero."),
        new("currency_mismatch", 422, "The refund's currency is not the top-up's."),
        new("invalid_exchange_rate", 422, "The configured exchange rate for the method's currency is unusable."),
        new("provider_session_already_open", 422, "The order already has a provider session."),
        new("provider_reference_required", 422, "The provider opened a session without a reference."),
        new("order_not_awaiting_payment", 422, "The order is no longer awaiting payment."),
        TooManyRequests,
        WriteContention,
        ShuttingDown,
        ServiceUnavailable,
        InternalError,
        RequestFailed,
    ];
}
