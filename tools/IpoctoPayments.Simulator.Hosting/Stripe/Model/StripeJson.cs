using System.Text.Json.Nodes;

namespace IpoctoPayments.Simulator.Stripe.Model;

internal static class StripeJson
{
    public static JsonObject Map(IEnumerable<KeyValuePair<string, string>> values)
    {
        var map = new JsonObject();
        foreach (var (key, value) in values)
        {
            map[key] = value;
        }

        return map;
    }

    public static JsonArray Array(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)v)];

    /// <summary>Stripe's list object.</summary>
    public static JsonObject List(IEnumerable<JsonObject> items, bool hasMore, string url) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. items]),
        ["has_more"] = hasMore,
        ["url"] = url,
    };
}
