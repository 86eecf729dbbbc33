using IpoctoPayments.Simulator.Stripe.Model;
using IpoctoPayments.Simulator.Stripe.Wire;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary><c>/v1/events</c>: retrieve and list (with the <c>type</c> filter, <c>*</c> wildcards as Stripe allows).</summary>
internal static class EventsApi
{
    public static void MapEvents(this RouteGroupBuilder v1)
    {
        v1.MapGet("/events/{id}", (string id, HttpContext http, StripeApi api, StripeStore store) =>
            api.HandleAsync(http, _ =>
            {
                lock (store.Gate)
                {
                    return store.Events.TryGetValue(id, out var stripeEvent)
                        ? StripeResult.Ok(stripeEvent.ToJson())
                        : throw new StripeErrorException(StripeError.NoSuch("event", id, "id"));
                }
            }));

        v1.MapGet("/events", (HttpContext http, StripeApi api, StripeStore store) =>
            api.HandleAsync(http, call =>
            {
                var type = call.Params.String("type");
                var types = call.Params.List("types");
                lock (store.Gate)
                {
                    var events = store.Events.Values.Where(e => (type is null || Matches(type, e.Type)) && (types.Count == 0 || types.Any(t => Matches(t, e.Type))));
                    return StripeResult.Ok(StripeLists.Page(call.Params, events, e => e.Id, e => e.ToJson(), "/v1/events"));
                }
            }));
    }

    private static bool Matches(string filter, string type) =>
        filter.EndsWith(".*", StringComparison.Ordinal)
            ? type.StartsWith(filter[..^1], StringComparison.Ordinal)
            : string.Equals(filter, type, StringComparison.Ordinal);
}
