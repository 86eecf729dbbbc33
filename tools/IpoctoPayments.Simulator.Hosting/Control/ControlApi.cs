using IpoctoPayments.Simulator.Core;

namespace IpoctoPayments.Simulator.Control;

/// <summary>The provider-neutral part of <c>/_simulator</c>: faults, webhook deliveries, the scheduler, reset.</summary>
internal static class ControlApi
{
    public static void MapControlApi(this IEndpointRouteBuilder endpoints)
    {
        var control = endpoints.MapGroup("/_simulator").WithTags("Simulator control");

        control.MapGet("/faults", (FaultPlan faults) => new { global = faults.Global, targets = faults.Targets })
            .WithSummary("The fault switches in force, global and per session/order.");
        control.MapPut("/faults", async (HttpRequest request, FaultPlan faults) =>
            {
                var (settings, problem) = await ReadBodyAsync<FaultSettings>(request);
                if (settings is null)
                {
                    return problem!;
                }

                faults.SetGlobal(settings);
                return Results.Ok(settings);
            })
            .Accepts<FaultSettings>("application/json")
            .Produces<FaultSettings>()
            .WithSummary("Sets the global switches: webhook faults, bank-sync delay, API outage and latency per provider.");
        control.MapPut("/faults/{target}", async (string target, HttpRequest request, FaultPlan faults) =>
            {
                var (settings, problem) = await ReadBodyAsync<FaultSettings>(request);
                if (settings is null)
                {
                    return problem!;
                }

                if (settings.Stripe is not null || settings.PayerMax is not null)
                {
                    return Results.Problem(
                        "API outages and latency are global; set them with PUT /_simulator/faults.",
                        statusCode: StatusCodes.Status400BadRequest,
                        extensions: new Dictionary<string, object?> { ["code"] = "global_only" });
                }

                faults.SetTarget(target, settings);
                return Results.Ok(settings);
            })
            .Accepts<FaultSettings>("application/json")
            .Produces<FaultSettings>()
            .WithSummary("Sets webhook faults or a bank-sync delay for one Stripe session / PaymentIntent or PayerMax order.");
        control.MapDelete("/faults", (FaultPlan faults) =>
            {
                faults.Clear();
                return Results.NoContent();
            })
            .WithSummary("Clears every fault switch.");

        control.MapGet("/deliveries", (WebhookOutbox outbox, string? provider, string? target, string? eventType, string? listener) =>
                outbox.Deliveries
                    .Where(d => provider is null || string.Equals(d.Provider, provider, StringComparison.OrdinalIgnoreCase))
                    .Where(d => target is null || d.TargetKeys.Contains(target, StringComparer.OrdinalIgnoreCase))
                    .Where(d => eventType is null || string.Equals(d.EventType, eventType, StringComparison.Ordinal))
                    .Where(d => listener is null || string.Equals(d.ListenerId, listener, StringComparison.Ordinal)))
            .WithSummary("Every webhook delivery with its attempts and the receiver's answers; filter by provider, target, event type or listener.");
        control.MapGet("/deliveries/{id}", (string id, WebhookOutbox outbox) =>
                outbox.Find(id) is { } delivery ? Results.Ok(delivery) : NotFound("delivery", id))
            .WithSummary("One webhook delivery.");
        control.MapPost("/deliveries/{id}/redeliver", (string id, WebhookOutbox outbox) =>
                outbox.Redeliver(id) ? Results.Accepted() : NotFound("delivery", id))
            .WithSummary("Sends a delivery again (after it was delivered, gave up or was dropped).");

        control.MapPost("/run-due", async (SimulatorScheduler scheduler, CancellationToken ct) =>
                new { ran = await scheduler.RunDueAsync(ct), pending = scheduler.Pending, nextDueAt = scheduler.NextDueAt })
            .WithSummary("Runs every job due now (webhook attempts, delayed captures) instead of waiting for the background worker.");
        control.MapGet("/clock", (SimulatorScheduler scheduler) => new { now = scheduler.Now, pending = scheduler.Pending, nextDueAt = scheduler.NextDueAt })
            .WithSummary("The simulator's clock and the jobs waiting on it.");
        control.MapPost("/clock/advance", async (HttpRequest request, SimulatorScheduler scheduler, CancellationToken ct) =>
            {
                var (body, problem) = await ReadBodyAsync<AdvanceBody>(request);
                if (body is null)
                {
                    return problem!;
                }

                if (body.By is not { } by || by <= TimeSpan.Zero || by > MaxAdvance)
                {
                    return BadBody("by is a positive time span of at most 30 days, e.g. \"01:00:00\".");
                }

                return Results.Ok(new { ran = await scheduler.RunDueWithinAsync(by, ct), pending = scheduler.Pending, nextDueAt = scheduler.NextDueAt });
            })
            .Accepts<AdvanceBody>("application/json")
            .WithSummary("Fast-forwards: runs now every job due within the span (body {\"by\":\"01:00:00\"}): webhook retries, late captures, expiries.");

        control.MapGet("/listeners", (WebhookListeners listeners) => listeners.All)
            .WithSummary("The addresses that get a copy of every webhook (as stripe listen --forward-to).");
        control.MapPost("/listeners", async (HttpRequest request, WebhookListeners listeners) =>
            {
                var (body, problem) = await ReadBodyAsync<ListenerBody>(request);
                if (body is null)
                {
                    return problem!;
                }

                var provider = (body.Provider ?? ProviderNames.Stripe).ToLowerInvariant();
                if (provider is not (ProviderNames.Stripe or ProviderNames.PayerMax))
                {
                    return BadBody("provider is stripe or payermax.");
                }

                if (!Uri.TryCreate(body.ForwardTo, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                {
                    return BadBody("forwardTo is an absolute http(s) URL.");
                }

                var listener = listeners.Add(provider, url.AbsoluteUri, body.Events ?? []);
                return Results.Created($"/_simulator/listeners/{listener.Id}", listener);
            })
            .Accepts<ListenerBody>("application/json")
            .Produces<WebhookListener>(StatusCodes.Status201Created)
            .WithSummary("Registers an address for a copy of every webhook of one provider; Stripe copies are signed with the secret answered.");
        control.MapDelete("/listeners/{id}", (string id, WebhookListeners listeners) =>
                listeners.Remove(id) ? Results.NoContent() : NotFound("listener", id))
            .WithSummary("Stops a listener's copies.");

        control.MapPost("/reset", (IEnumerable<ISimulatorState> states, WebhookOutbox outbox, SimulatorScheduler scheduler, FaultPlan faults, SimulatorIds ids) =>
            {
                foreach (var state in states)
                {
                    state.Reset();
                }

                outbox.Clear();
                scheduler.Clear();
                faults.Clear();
                ids.Reset();
                return Results.NoContent();
            })
            .WithSummary("Forgets every session, order, refund, event, delivery and fault.");
    }

    private static readonly TimeSpan MaxAdvance = TimeSpan.FromDays(30);

    /// <summary>Reads a JSON body, answering malformed input with a problem that says what was wrong.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadBodyAsync<T>(HttpRequest request)
        where T : class
    {
        try
        {
            var value = await request.ReadFromJsonAsync<T>(request.HttpContext.RequestAborted);
            return value is null ? (null, BadBody("The body is empty."))
                : value is FaultSettings settings && FaultProblem(settings) is { } problem ? (null, BadBody(problem))
                : (value, null);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or InvalidOperationException)
        {
            return (null, BadBody(exception.Message));
        }
    }

    /// <summary>Like <see cref="ReadBodyAsync{T}"/>, for a body that may be left out: then <paramref name="absent"/>.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadOptionalBodyAsync<T>(HttpRequest request, T absent)
        where T : class
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (absent, null);
        }

        try
        {
            return (System.Text.Json.JsonSerializer.Deserialize<T>(text, System.Text.Json.JsonSerializerOptions.Web) ?? absent, null);
        }
        catch (System.Text.Json.JsonException exception)
        {
            return (null, BadBody(exception.Message));
        }
    }

    private static string? FaultProblem(FaultSettings settings)
    {
        TimeSpan?[] spans = [settings.BankSyncDelay, settings.Webhooks?.Delay, settings.Stripe?.Latency, settings.PayerMax?.Latency];
        return spans.Any(s => s < TimeSpan.Zero) ? "Delays and latencies cannot be negative."
            : settings.Webhooks is { Duplicates: < 0 or > 100 } ? "duplicates is 0 to 100."
            : settings.Webhooks is { Times: <= 0 } ? "times, when given, is at least 1."
            : settings.Stripe is { FailNextCalls: < 0 } || settings.PayerMax is { FailNextCalls: < 0 } ? "failNextCalls cannot be negative."
            : null;
    }

    public static IResult BadBody(string detail) => Results.Problem(
        detail,
        statusCode: StatusCodes.Status400BadRequest,
        title: "The request body is not valid JSON for this endpoint.",
        extensions: new Dictionary<string, object?> { ["code"] = "invalid_body" });

    public static IResult NotFound(string what, string id) => Results.Problem(
        $"No {what} '{id}'.",
        statusCode: StatusCodes.Status404NotFound,
        extensions: new Dictionary<string, object?> { ["code"] = "not_found" });
}

/// <param name="By">How far to fast-forward, e.g. "00:05:00".</param>
internal sealed record AdvanceBody(TimeSpan? By);

/// <param name="ForwardTo">Where the copies go, e.g. http://localhost:5080/webhooks/stripe.</param>
/// <param name="Provider">stripe (default) or payermax.</param>
/// <param name="Events">Event types to copy (Stripe types, or PAYMENT / REFUND / CHARGEBACK); empty copies all.</param>
internal sealed record ListenerBody(string? ForwardTo, string? Provider, IReadOnlyList<string>? Events);
