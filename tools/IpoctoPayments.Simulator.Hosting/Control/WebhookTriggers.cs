using IpoctoPayments.Simulator.Core;

namespace IpoctoPayments.Simulator.Control;

/// <summary>
/// One named thing <c>POST /_simulator/trigger/{name}</c> makes happen, as <c>stripe trigger</c> does: it creates
/// the objects, moves them through the engines, and the webhooks follow to every endpoint.
/// </summary>
internal sealed record WebhookTrigger(string Name, string Provider, string Description, Func<TriggerBody, HttpContext, TriggerOutcome> Run);

/// <summary>What a trigger made: the object its webhooks are about and every other id worth knowing.</summary>
internal sealed record TriggerOutcome(string Target, IReadOnlyDictionary<string, string> Objects, string? Note = null);

/// <summary>A provider's triggers.</summary>
internal interface ITriggerSource
{
    IEnumerable<WebhookTrigger> Triggers { get; }
}

/// <summary>Options of a trigger; every field has a default.</summary>
/// <param name="Amount">In minor units (Stripe 2000; PayerMax: 500 of the country's currency).</param>
/// <param name="Currency">Stripe: usd by default. PayerMax takes the country's currency.</param>
/// <param name="Country">PayerMax country (PH by default).</param>
/// <param name="Delay">late-capture: how long after the reported failure the money is captured (default 2 minutes).</param>
/// <param name="DeclineCode">payment_intent.payment_failed (Stripe decline code) or payment.failed (PayerMax code).</param>
/// <param name="NotifyUrl">PayerMax: the order's notifyUrl (default: the configured one).</param>
internal sealed record TriggerBody(long? Amount, string? Currency, string? Country, TimeSpan? Delay, string? DeclineCode, string? NotifyUrl)
{
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromMinutes(2);

    public static TriggerBody Empty { get; } = new(null, null, null, null, null, null);

    /// <summary>The late-capture delay, refused when it is not positive.</summary>
    public TimeSpan CheckedDelay() => (Delay ?? DefaultDelay) is { } delay && delay > TimeSpan.Zero
        ? delay
        : throw new TriggerRejection("invalid_delay", "delay is a positive time span, e.g. \"00:02:00\".");
}

/// <summary>A trigger's options did not fit (an unknown currency, a negative amount): a 400 with this code.</summary>
internal sealed class TriggerRejection(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

internal static class TriggerApi
{
    public static void MapTriggerApi(this IEndpointRouteBuilder endpoints)
    {
        var control = endpoints.MapGroup("/_simulator").WithTags("Simulator control");

        control.MapGet("/triggers", (IEnumerable<ITriggerSource> sources) =>
                sources.SelectMany(s => s.Triggers).Select(t => new { name = t.Name, provider = t.Provider, description = t.Description }))
            .WithSummary("What POST /_simulator/trigger/{name} can make happen.");
        control.MapPost("/trigger/{name}", async (string name, string? provider, HttpContext http, IEnumerable<ITriggerSource> sources, WebhookOutbox outbox) =>
            {
                var candidates = sources.SelectMany(s => s.Triggers)
                    .Where(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
                    .Where(t => provider is null || string.Equals(t.Provider, provider, StringComparison.OrdinalIgnoreCase))
                    .ToList();
                if (candidates.Count == 0)
                {
                    return ControlApi.NotFound("trigger", provider is null ? name : $"{provider} {name}");
                }

                var (body, problem) = await ControlApi.ReadOptionalBodyAsync(http.Request, TriggerBody.Empty);
                if (body is null)
                {
                    return problem!;
                }

                // A name both providers know (late-capture) runs on Stripe unless ?provider= says otherwise.
                var trigger = candidates.Find(t => t.Provider == ProviderNames.Stripe) ?? candidates[0];
                try
                {
                    var outcome = trigger.Run(body, http);
                    var deliveries = outbox.Deliveries
                        .Where(d => d.TargetKeys.Contains(outcome.Target, StringComparer.OrdinalIgnoreCase))
                        .Select(d => new { id = d.Id, eventType = d.EventType, eventId = d.EventId, url = d.Url, status = d.Status, nextAttemptAt = d.NextAttemptAt });
                    return Results.Ok(new { trigger = trigger.Name, provider = trigger.Provider, target = outcome.Target, objects = outcome.Objects, note = outcome.Note, deliveries });
                }
                catch (TriggerRejection rejection)
                {
                    return Results.Problem(rejection.Message, statusCode: StatusCodes.Status400BadRequest,
                        extensions: new Dictionary<string, object?> { ["code"] = rejection.Code });
                }
            })
            .Accepts<TriggerBody>(isOptional: true, "application/json")
            .WithSummary("Creates the objects for an event or scenario (checkout.session.completed, charge.refunded, payment.success, late-capture ...) and sends its signed webhooks; see GET /_simulator/triggers.");
    }
}
