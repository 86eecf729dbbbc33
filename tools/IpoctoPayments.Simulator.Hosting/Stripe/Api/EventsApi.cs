using IpoctoPayments.Simulator.Stripe.Model;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary><c>/v1/events</c>: retrieve and list (with the <c>type</c> filter, <c>*</c> wildcards as Stripe allows).</summary>
internal static class EventsApi
{
    public static void MapEvents(this RouteGroupBuilder v1)
    {
        v1.MapGet("/events/{id}", (string id, HttpContext http, StripeApi api, StripeStore store) =>
            api.HandleAsync(http, call => StripeObjects.Retrieve(store, call, store.Events, id, "event", "id", e => e.ToJson())));

        v1.MapGet("/events", (HttpContext http, StripeApi api, StripeStore store) =>
            api.HandleAsync(http, call =>
            {
                var type = call.Params.String("type");
                var types = call.Params.List("types");
                return StripeLists.Respond(
                    store,
                    call.Params,
                    () => store.Events.Values.Where(e => (type is null || Matches(type, e.Type)) && (types.Count == 0 || types.Any(t => Matches(t, e.Type)))),
                    e => e.Id,
                    e => e.ToJson(),
                    "/v1/events");
            }));
    }

    private static bool Matches(string filter, string type) =>
        filter.EndsWith(".*", StringComparison.Ordinal)
            ? type.StartsWith(filter[..^1], StringComparison.Ordinal)
            : string.Equals(filter, type, StringComparison.Ordinal);
}
