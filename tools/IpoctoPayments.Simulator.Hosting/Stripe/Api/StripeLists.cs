using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Stripe.Model;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary>Stripe's cursor pagination over objects, newest first: <c>limit</c> (1–100, default 10) and <c>starting_after</c>.</summary>
internal static class StripeLists
{
    /// <summary>
    /// A page of a payment's children (refunds, disputes), narrowed as Stripe narrows them: by the <c>payment_intent</c>
    /// and the <c>charge</c> they belong to, when given.
    /// </summary>
    public static StripeResult RespondForPayment<T>(
        StripeStore store, StripeParams p, Func<IEnumerable<T>> oldestFirst, Func<T, string> intentOf, Func<T, string> chargeOf, Func<T, string> id, Func<T, JsonObject> json, string url)
    {
        var intent = p.String("payment_intent");
        var charge = p.String("charge");
        return Respond(store, p, () => oldestFirst().Where(o => (intent is null || intentOf(o) == intent) && (charge is null || chargeOf(o) == charge)), id, json, url);
    }

    /// <summary>A page of <paramref name="oldestFirst"/>, read under the store's gate.</summary>
    public static StripeResult Respond<T>(StripeStore store, StripeParams p, Func<IEnumerable<T>> oldestFirst, Func<T, string> id, Func<T, JsonObject> json, string url)
    {
        lock (store.Gate)
        {
            return StripeResult.Ok(Page(p, oldestFirst(), id, json, url));
        }
    }

    private static JsonObject Page<T>(StripeParams p, IEnumerable<T> oldestFirst, Func<T, string> id, Func<T, JsonObject> json, string url)
    {
        var limit = p.Integer("limit") ?? 10;
        if (limit is < 1 or > 100)
        {
            throw new StripeErrorException(StripeError.InvalidRequest("Invalid limit: must be between 1 and 100.", "limit", "parameter_invalid_integer"));
        }

        var items = oldestFirst.Reverse().ToList();
        if (p.String("starting_after") is { Length: > 0 } after)
        {
            var index = items.FindIndex(i => id(i) == after);
            if (index < 0)
            {
                throw new StripeErrorException(StripeError.InvalidRequest($"No such object: '{after}'", "starting_after", "resource_missing"));
            }

            items = items[(index + 1)..];
        }

        return StripeJson.List(items.Take((int)limit).Select(json), items.Count > limit, url);
    }
}
