using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Control;
using IpoctoPayments.Simulator.Stripe.Api;
using IpoctoPayments.Simulator.Stripe.Engine;
using IpoctoPayments.Simulator.Stripe.Model;

namespace IpoctoPayments.Simulator.Stripe.Control;

/// <summary><c>/_simulator/stripe</c>: what the Stripe side holds, the customer's actions without a browser, and disputes.</summary>
internal static class StripeControl
{
    public static void MapStripeControl(this IEndpointRouteBuilder endpoints)
    {
        var stripe = endpoints.MapGroup("/_simulator/stripe").WithTags("Stripe control").DisableAntiforgery();

        stripe.MapGet("/sessions", (StripeStore store) => Json(store, () => store.Sessions.Values.Select(s => s.ToJson())))
            .WithSummary("Every Checkout Session, oldest first, as the Stripe API shows it.");
        stripe.MapGet("/payment_intents", (StripeStore store) => Json(store, () => store.PaymentIntents.Values.Select(i => i.ToJson())))
            .WithSummary("Every PaymentIntent, with its status and last_payment_error.");
        stripe.MapGet("/refunds", (StripeStore store) => Json(store, () => store.Refunds.Values.Select(r => r.ToJson())))
            .WithSummary("Every refund and its status.");
        stripe.MapGet("/events", (StripeStore store) => Json(store, () => store.Events.Values.Select(e => e.ToJson())))
            .WithSummary("Every event, in the order it happened (their deliveries: GET /_simulator/deliveries?provider=stripe).");

        stripe.MapPost("/sessions/{id}/complete", (string id, CompleteSessionBody? body, CheckoutEngine engine, TimeProvider clock) =>
            {
                var method = body?.Method ?? "card";
                PaymentAttempt? attempt = method switch
                {
                    "card" => new CardAttempt(new string([.. (body?.CardNumber ?? TestCards.Visa).Where(char.IsAsciiDigit)]), 12, clock.GetUtcNow().Year + 3),
                    "apple_pay" or "google_pay" => new CardAttempt(TestCards.Visa, 12, clock.GetUtcNow().Year + 3, method),
                    "wechat_pay" => new WeChatPayAttempt(),
                    _ => null,
                };
                return attempt is null
                    ? BadRequest("invalid_method", $"Unknown method '{method}': use card, apple_pay, google_pay or wechat_pay.")
                    : Run(() => engine.Pay(id, attempt));
            })
            .WithSummary("Pays an open session as the customer would: body {\"method\":\"card|apple_pay|google_pay|wechat_pay\",\"cardNumber\":\"4000000000009995\"}; the test card's outcome applies (a decline, 3-D Secure ...).");
        stripe.MapPost("/sessions/{id}/decline", (string id, DeclineSessionBody? body, CheckoutEngine engine, TimeProvider clock) =>
            {
                var code = body?.DeclineCode ?? "generic_decline";
                return TestCards.CardForDecline.TryGetValue(code, out var card)
                    ? Run(() => engine.Pay(id, new CardAttempt(card, 12, clock.GetUtcNow().Year + 3)))
                    : BadRequest("invalid_decline_code", $"Unknown decline code '{code}': use {string.Join(", ", TestCards.CardForDecline.Keys)}.");
            })
            .WithSummary("Declines a payment attempt with a decline code (body {\"declineCode\":\"insufficient_funds\"}); the session stays open for another try.");
        stripe.MapPost("/sessions/{id}/authenticate", (string id, AuthenticateSessionBody? body, CheckoutEngine engine) =>
                Run(() => engine.Authenticate(id, body?.Approve ?? true)))
            .WithSummary("Answers the 3-D Secure challenge of a session paid with 4000 0000 0000 3220: body {\"approve\":true|false}.");
        stripe.MapPost("/sessions/{id}/pending", (string id, CheckoutEngine engine) => Run(() => engine.LeavePending(id)))
            .WithSummary("Leaves the payment pending: checkout.session.completed with payment_status unpaid, PaymentIntent processing. Settle it with /payment_intents/{id}/succeed or /fail.");
        stripe.MapPost("/sessions/{id}/expire", (string id, CheckoutEngine engine, StripeStore store) =>
                Run(() =>
                {
                    var session = engine.Expire(id);
                    lock (store.Gate)
                    {
                        return new JsonObject { ["session"] = session.ToJson() };
                    }
                }))
            .WithSummary("Expires an open session now (checkout.session.expired).");
        stripe.MapPost("/payment_intents/{id}/succeed", (string id, CheckoutEngine engine) => Run(() => engine.Settle(id, succeed: true)))
            .WithSummary("Settles a processing PaymentIntent as paid (checkout.session.async_payment_succeeded, payment_intent.succeeded).");
        stripe.MapPost("/payment_intents/{id}/fail", (string id, CheckoutEngine engine) => Run(() => engine.Settle(id, succeed: false)))
            .WithSummary("Settles a processing PaymentIntent as failed (checkout.session.async_payment_failed, payment_intent.payment_failed).");
        stripe.MapPost("/payment_intents/{id}/dispute", async (string id, HttpRequest request, DisputeEngine disputes, StripeStore store) =>
            {
                var (body, problem) = await ControlApi.ReadOptionalBodyAsync(request, DisputeBody.Empty);
                return body is null ? problem! : OpenDispute(id, body, disputes, store);
            })
            .Accepts<DisputeBody>(isOptional: true, "application/json")
            .WithSummary("Disputes a succeeded payment (charge.dispute.created, charge.dispute.funds_withdrawn), body optional: {\"reason\":\"fraudulent\",\"amount\":1000 (minor units; default the whole charge),\"outcome\":\"won|lost\",\"decideAfterMinutes\":60}.");
        stripe.MapGet("/disputes", (StripeStore store) => Json(store, () => store.Disputes.Values.Select(d => d.ToJson())))
            .WithSummary("Every dispute, oldest first.");
        stripe.MapPost("/disputes/{id}/decide", async (string id, HttpRequest request, DisputeEngine disputes, StripeStore store) =>
            {
                var (body, problem) = await ControlApi.ReadBodyAsync<DecideBody>(request);
                if (body is null)
                {
                    return problem!;
                }

                var (outcome, invalid) = DisputeProblems.Read(body, allowCancel: false);
                return outcome is not { } decided ? invalid! : Run(() => Locked(store, disputes.Decide(id, decided == DisputeOutcome.Won).ToJson));
            })
            .Accepts<DecideBody>("application/json")
            .WithSummary("Decides an open dispute now: {\"outcome\":\"won|lost\"} (charge.dispute.closed, and funds_reinstated when won).");
    }

    private static IResult OpenDispute(string id, DisputeBody body, DisputeEngine disputes, StripeStore store)
    {
        var (outcome, after, invalid) = body.Decision();
        if (invalid is not null)
        {
            return invalid;
        }

        var reason = body.Reason ?? "fraudulent";
        if (!DisputeEngine.Reasons.Contains(reason, StringComparer.Ordinal))
        {
            return BadRequest("invalid_reason", $"Unknown reason '{reason}': use {string.Join(", ", DisputeEngine.Reasons)}.");
        }

        if (body.Amount is { } amount && (amount != decimal.Truncate(amount) || amount is <= 0 or > long.MaxValue))
        {
            return BadRequest("invalid_amount", "amount is a positive whole number of minor units, as Stripe's amounts.");
        }

        return Run(() =>
        {
            var dispute = disputes.Open(id, reason, (long?)body.Amount);
            if (outcome is { } decided)
            {
                disputes.DecideLater(dispute, decided == DisputeOutcome.Won, after);
            }

            return Locked(store, dispute.ToJson);
        });
    }

    private static JsonObject Locked(StripeStore store, Func<JsonObject> read)
    {
        lock (store.Gate)
        {
            return read();
        }
    }

    private static IResult Run(Func<PaymentOutcome> action) => Run(() => action().ToJson());

    private static IResult Run(Func<JsonObject> action)
    {
        try
        {
            return Results.Text(StripeApi.Serialize(action()), "application/json");
        }
        catch (StripeErrorException exception)
        {
            // Not found is a 404, Stripe's parameter_* errors (input that does not fit) a 400, anything else the object's state: a 409.
            var error = exception.Error;
            var (status, code) = error.Status == StatusCodes.Status404NotFound ? (StatusCodes.Status404NotFound, "not_found")
                : error.Code?.StartsWith("parameter_", StringComparison.Ordinal) == true ? (StatusCodes.Status400BadRequest, error.Code)
                : (StatusCodes.Status409Conflict, error.Code ?? "invalid_state");
            return Results.Problem(error.Message, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });
        }
    }

    private static IResult Json(StripeStore store, Func<IEnumerable<JsonObject>> items)
    {
        lock (store.Gate)
        {
            return Results.Text(StripeApi.Serialize(new JsonArray([.. items()])), "application/json");
        }
    }

    private static IResult BadRequest(string code, string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["code"] = code });
}
