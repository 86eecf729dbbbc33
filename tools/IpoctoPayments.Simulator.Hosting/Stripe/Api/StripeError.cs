using System.Text.Json.Nodes;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary>One Stripe error, as its envelope <c>{"error":{…}}</c> carries it, with the HTTP status it travels with.</summary>
internal sealed record StripeError(int Status, string Type, string Message, string? Code = null, string? Param = null, string? DeclineCode = null)
{
    /// <summary>For card errors: the PaymentIntent the attempt was recorded on.</summary>
    public JsonObject? PaymentIntent { get; init; }

    public static StripeError InvalidRequest(string message, string? param = null, string? code = null) =>
        new(StatusCodes.Status400BadRequest, "invalid_request_error", message, code, param);

    public static StripeError MissingParam(string param) =>
        InvalidRequest($"Missing required param: {param}.", param, "parameter_missing");

    public static StripeError InvalidInteger(string param, string? value) =>
        InvalidRequest($"Invalid integer: {value}", param, "parameter_invalid_integer");

    public static StripeError NoSuch(string objectName, string id, string? param = null) =>
        new(StatusCodes.Status404NotFound, "invalid_request_error", $"No such {objectName}: '{id}'", "resource_missing", param);

    public static StripeError Idempotency(string message, int status = StatusCodes.Status400BadRequest, string? code = null) =>
        new(status, "idempotency_error", message, code);

    public static StripeError Api(string message) => new(StatusCodes.Status500InternalServerError, "api_error", message);

    public JsonObject ToJson()
    {
        var error = new JsonObject { ["type"] = Type, ["message"] = Message };
        Add(error, "code", Code);
        Add(error, "decline_code", DeclineCode);
        Add(error, "param", Param);
        if (Code is not null)
        {
            error["doc_url"] = $"https://docs.stripe.com/error-codes/{Code.Replace('_', '-')}";
        }

        if (PaymentIntent is not null)
        {
            error["payment_intent"] = PaymentIntent.DeepClone();
        }

        return new JsonObject { ["error"] = error };
    }

    private static void Add(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}

/// <summary>Ends a Stripe API call, a hosted-page action or a control call with a Stripe error.</summary>
internal sealed class StripeErrorException(StripeError error) : Exception(error.Message)
{
    public StripeError Error { get; } = error;
}
