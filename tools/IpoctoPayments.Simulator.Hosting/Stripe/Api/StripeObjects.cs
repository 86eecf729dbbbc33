using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Stripe.Model;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary>Answers with one object, expanded as the call asks: a retrieve by id, or what a create or action returned.</summary>
internal static class StripeObjects
{
    public static StripeResult Retrieve<T>(StripeStore store, StripeCall call, OrderedDictionary<string, T> table, string id, string objectName, string param, Func<T, JsonObject> json)
    {
        lock (store.Gate)
        {
            return table.TryGetValue(id, out var item)
                ? StripeResult.Ok(Expansion.Apply(json(item), call.Params.Expand, store))
                : throw new StripeErrorException(StripeError.NoSuch(objectName, id, param));
        }
    }

    public static StripeResult Respond(StripeStore store, StripeCall call, Func<JsonObject> json)
    {
        lock (store.Gate)
        {
            return StripeResult.Ok(Expansion.Apply(json(), call.Params.Expand, store));
        }
    }
}
