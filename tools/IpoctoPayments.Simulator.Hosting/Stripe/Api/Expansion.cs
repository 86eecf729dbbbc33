using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Stripe.Model;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary><c>expand[]=payment_intent</c>, <c>expand[]=payment_intent.latest_charge</c>: ids replaced by the objects they name.</summary>
internal static class Expansion
{
    public static JsonObject Apply(JsonObject json, IEnumerable<string> paths, StripeStore store)
    {
        foreach (var path in paths)
        {
            Expand(json, path.Split('.'), store, path);
        }

        return json;
    }

    private static void Expand(JsonObject json, ReadOnlySpan<string> path, StripeStore store, string whole)
    {
        var field = path[0];
        if (!json.ContainsKey(field) || field is not ("payment_intent" or "latest_charge" or "charge"))
        {
            throw new StripeErrorException(StripeError.InvalidRequest($"This property cannot be expanded ({whole}).", "expand", "parameter_invalid_string"));
        }

        var node = json[field];
        if (node is JsonValue value && value.TryGetValue<string>(out var id))
        {
            node = Resolve(field, id, store);
            json[field] = node;
        }

        if (path.Length > 1 && node is JsonObject inner)
        {
            Expand(inner, path[1..], store, whole);
        }
    }

    private static JsonObject? Resolve(string field, string id, StripeStore store) => field switch
    {
        "payment_intent" => store.PaymentIntents.TryGetValue(id, out var intent) ? intent.ToJson() : null,
        _ => store.Charges.TryGetValue(id, out var charge) ? charge.ToJson() : null,
    };
}
