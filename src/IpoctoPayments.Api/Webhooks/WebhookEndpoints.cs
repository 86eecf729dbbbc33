using IpoctoPayments.Api.Common;
using IpoctoPayments.Application.Webhooks.HandlePayerMaxNotification;
using IpoctoPayments.Application.Webhooks.HandleStripeEvent;
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
                var outcome = await mediator.Send(new HandleStripeEventCommand(await request.ReadBytesAsync(BodyLimitBytes), request.Headers["Stripe-Signature"]), ct);
                return TypedResults.Ok(new { received = true, outcome = outcome.ToString().ToLowerInvariant() });
            })
            .WithName("StripeWebhook")
            .WithSummary("Stripe events, signed with the endpoint's secret (Stripe-Signature).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        webhooks.MapPost("/payermax", async (HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new HandlePayerMaxNotificationCommand(await request.ReadBytesAsync(BodyLimitBytes), request.Headers["sign"]), ct);

                // The only answer PayerMax takes as "received"; anything else is redelivered.
                return TypedResults.Ok(new { code = "SUCCESS", msg = "Success" });
            })
            .WithName("PayerMaxNotification")
            .WithSummary("PayerMax PAYMENT and REFUND notifications, RSA-signed in the sign header.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
    }
}
