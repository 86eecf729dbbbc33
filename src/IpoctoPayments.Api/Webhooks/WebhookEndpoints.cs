using IpoctoPayments.Api.Common.Reference;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Webhooks.ReceiveWebhook;
using IpoctoPayments.Domain.Common;
using Mediator;

namespace IpoctoPayments.Api.Webhooks;

/// <summary>
/// Where the providers report outcomes. The raw body is read as sent (signatures are over its exact bytes), within a
/// size limit; a signature that does not verify is a 400 and nothing is stored; a redelivery is acknowledged and changes nothing.
/// </summary>
internal static class WebhookEndpoints
{
    public const int BodyLimitBytes = 256 * 1024;

    public static void MapWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapGroup("/webhooks").WithTags("Webhooks").AllowAnonymous();

        webhooks.MapPost("/stripe", async (HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var outcome = await mediator.Send(new ReceiveWebhookCommand(PaymentProvider.Stripe, await request.ReadBytesAsync(BodyLimitBytes), request.Headers["Stripe-Signature"]), ct);
                return TypedResults.Ok(new { received = true, outcome = StatusNames.Of(outcome) });
            })
            .WithName("StripeWebhook")
            .WithSummary("Stripe events, signed with the endpoint's secret (Stripe-Signature).")
            .WithDescription("Called by Stripe, not by clients. The body is verified as sent, then applied once: `outcome` is `applied`, `duplicate` "
                + "(seen before), `ignored` (the order has moved past it) or `unknown_order`; each is a 200, so Stripe stops redelivering. "
                + "A dispute of a payment not known here as paid yet is `deferred`: answered 409 `payment_not_yet_known`, nothing kept, so Stripe delivers it again.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithExamples(new EndpointExamples
            {
                Request = Samples.StripeEvent,
                Responses = new Dictionary<int, object> { [StatusCodes.Status200OK] = new { received = true, outcome = "applied" } },
                Problems =
                [
                    (StatusCodes.Status400BadRequest, "invalid_signature", "The Stripe-Signature header does not verify for this endpoint's secret."),
                    (StatusCodes.Status400BadRequest, "api_version_mismatch", "Received event with API version 2024-06-20, but Stripe.net expects 2026-10-28.endive."),
                    (StatusCodes.Status409Conflict, "payment_not_yet_known", "The event disputes a payment this service does not know as paid yet; nothing was kept. Deliver it again later."),
                    (StatusCodes.Status413PayloadTooLarge, ProblemCodes.BodyTooLarge.Code, "The request body is larger than 256 KB."),
                ],
            });

        webhooks.MapPost("/payermax", async (HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ReceiveWebhookCommand(PaymentProvider.PayerMax, await request.ReadBytesAsync(BodyLimitBytes), request.Headers["sign"]), ct);

                // The only answer PayerMax takes as "received"; anything else is redelivered.
                return TypedResults.Ok(new { code = "SUCCESS", msg = "Success" });
            })
            .WithName("PayerMaxNotification")
            .WithSummary("PayerMax PAYMENT and REFUND notifications, RSA-signed in the sign header.")
            .WithDescription("Called by PayerMax, not by clients. Verified with PayerMax's public key and applied once; the answer is the one PayerMax "
                + "takes as received, so a redelivery is acknowledged and changes nothing.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithExamples(new EndpointExamples
            {
                Request = Samples.PayerMaxNotification,
                Responses = new Dictionary<int, object> { [StatusCodes.Status200OK] = new { code = "SUCCESS", msg = "Success" } },
                Problems =
                [
                    (StatusCodes.Status400BadRequest, "signature_missing", "The sign header is missing."),
                    (StatusCodes.Status400BadRequest, "wrong_merchant", "The notification is for another PayerMax merchant or app."),
                    (StatusCodes.Status413PayloadTooLarge, ProblemCodes.BodyTooLarge.Code, "The request body is larger than 256 KB."),
                ],
            });
    }
}
