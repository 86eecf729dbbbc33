using System.Text.Json.Nodes;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary>One authenticated Stripe API call as a handler sees it.</summary>
internal sealed record StripeCall(StripeParams Params, string RequestId, string? IdempotencyKey, string BaseUrl)
{
    /// <summary>The call as Stripe names it on the events it causes (<c>request.id</c>, <c>request.idempotency_key</c>).</summary>
    public EventRequest Origin => new(RequestId, IdempotencyKey);
}

/// <summary>What caused an event: an API request, or null for the customer's own actions on the hosted page.</summary>
internal sealed record EventRequest(string? Id, string? IdempotencyKey);

internal sealed record StripeResult(int Status, JsonNode Body)
{
    public static StripeResult Ok(JsonNode body) => new(StatusCodes.Status200OK, body);
}
