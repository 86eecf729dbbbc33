using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Stripe.Model;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary>
/// What every <c>/v1</c> call goes through, as on api.stripe.com: a <c>Request-Id</c>, the secret key, the
/// bracket parameters, idempotency for POSTs, and Stripe's error envelope for anything that goes wrong.
/// </summary>
internal sealed class StripeApi(IOptions<SimulatorOptions> options, SimulatorIds ids, IdempotencyStore idempotency, ILogger<StripeApi> logger)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task<IResult> HandleAsync(HttpContext http, Func<StripeCall, StripeResult> handler)
    {
        var requestId = ids.Next("req_", 14);
        http.Response.Headers["Request-Id"] = requestId;
        http.Response.Headers["Stripe-Version"] = StripeEvent.ApiVersion;
        if (Authenticate(http.Request) is { } denied)
        {
            return Write(denied.Status, denied.ToJson().ToJsonString(Json));
        }

        StripeParams parameters;
        try
        {
            parameters = await ReadParamsAsync(http.Request);
        }
        catch (StripeErrorException exception)
        {
            return Write(exception.Error.Status, exception.Error.ToJson().ToJsonString(Json));
        }

        var key = HttpMethods.IsPost(http.Request.Method) ? http.Request.Headers["Idempotency-Key"].ToString() : "";
        var call = new StripeCall(parameters, requestId, key.Length == 0 ? null : key, PublicBaseUrl.Of(http.Request, options.Value));
        if (call.IdempotencyKey is null)
        {
            var (status, body) = Run(handler, call);
            return Write(status, body);
        }

        var claim = idempotency.Begin(call.IdempotencyKey, $"{http.Request.Method} {http.Request.Path}", parameters.Fingerprint);
        if (claim.Error is { } refused)
        {
            return Write(refused.Status, refused.ToJson().ToJsonString(Json));
        }

        if (claim.Replay is { } replay)
        {
            http.Response.Headers["Request-Id"] = replay.RequestId;
            http.Response.Headers["Idempotent-Replayed"] = "true";
            http.Response.Headers["Original-Request"] = replay.RequestId;
            return Write(replay.Status, replay.Body);
        }

        var answer = Run(handler, call);
        idempotency.Complete(call.IdempotencyKey, new StoredAnswer(answer.Status, answer.Body, requestId));
        return Write(answer.Status, answer.Body);
    }

    /// <summary>The answer of the outage switch: Stripe's own 500.</summary>
    public static IResult ServerError(HttpContext http)
    {
        http.Response.Headers["Request-Id"] = http.RequestServices.GetRequiredService<SimulatorIds>().Next("req_", 14);
        return Write(StatusCodes.Status500InternalServerError, StripeError.Api("An unknown error occurred (simulated provider outage).").ToJson().ToJsonString(Json));
    }

    public static string Serialize(JsonNode node) => node.ToJsonString(Json);

    private (int Status, string Body) Run(Func<StripeCall, StripeResult> handler, StripeCall call)
    {
        try
        {
            var result = handler(call);
            return (result.Status, result.Body.ToJsonString(Json));
        }
        catch (StripeErrorException exception)
        {
            return (exception.Error.Status, exception.Error.ToJson().ToJsonString(Json));
        }
#pragma warning disable CA1031 // a bug in a handler must still answer in Stripe's format, never crash the host
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogError(exception, "Stripe handler failed for request {RequestId}", call.RequestId);
            var error = StripeError.Api("An unknown error occurred in the simulator.");
            return (error.Status, error.ToJson().ToJsonString(Json));
        }
    }

    private StripeError? Authenticate(HttpRequest request)
    {
        var key = ApiKey(request.Headers.Authorization.ToString());
        if (string.IsNullOrEmpty(key))
        {
            return new StripeError(StatusCodes.Status401Unauthorized, "invalid_request_error",
                "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
        }

        var configured = options.Value.Stripe.SecretKey;
        var valid = string.IsNullOrEmpty(configured)
            ? key.StartsWith("sk_test_", StringComparison.Ordinal)
            : string.Equals(key, configured, StringComparison.Ordinal);
        return valid
            ? null
            : new StripeError(StatusCodes.Status401Unauthorized, "invalid_request_error", $"Invalid API Key provided: {Redact(key)}", "api_key_invalid");
    }

    /// <summary>Bearer, as Stripe.net sends it, or Basic with the key as user name, as <c>curl -u sk_test_…:</c> sends it.</summary>
    private static string? ApiKey(string authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var header) || header.Parameter is null)
        {
            return null;
        }

        if (string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return header.Parameter;
        }

        if (!string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[header.Parameter.Length];
        return Convert.TryFromBase64String(header.Parameter, bytes, out var length)
            ? Encoding.UTF8.GetString(bytes[..length]).Split(':')[0]
            : null;
    }

    private static string Redact(string key) => key.Length <= 8 ? "****" : string.Concat(key.AsSpan(0, Math.Min(8, key.Length - 4)), "****", key.AsSpan(key.Length - 4));

    private static async Task<StripeParams> ReadParamsAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method) || request.ContentLength == 0 || (request.ContentLength is null && string.IsNullOrEmpty(request.ContentType)))
        {
            return StripeParams.From(request.Query, []);
        }

        if (!request.HasFormContentType)
        {
            throw new StripeErrorException(StripeError.InvalidRequest(
                $"Invalid request body: Stripe takes application/x-www-form-urlencoded parameters, not '{request.ContentType}'."));
        }

        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return StripeParams.From(request.Query, form);
        }
        catch (Exception exception) when (exception is InvalidDataException or InvalidOperationException or IOException)
        {
            throw new StripeErrorException(StripeError.InvalidRequest($"Invalid request body: {exception.Message}"));
        }
    }

    private static IResult Write(int status, string body) => Results.Text(body, "application/json", Encoding.UTF8, status);
}
