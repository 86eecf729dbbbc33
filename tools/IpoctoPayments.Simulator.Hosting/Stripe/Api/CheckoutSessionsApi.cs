using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Stripe.Engine;
using IpoctoPayments.Simulator.Stripe.Model;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary><c>/v1/checkout/sessions</c>: create, retrieve, list, expire.</summary>
internal static class CheckoutSessionsApi
{
    public static void MapCheckoutSessions(this RouteGroupBuilder v1)
    {
        v1.MapPost("/checkout/sessions", (HttpContext http, StripeApi api, StripeStore store, CheckoutEngine engine, SimulatorIds ids, TimeProvider clock) =>
            api.HandleAsync(http, call =>
            {
                var session = SessionRequest.Read(call.Params, ids, clock.GetUtcNow(), call.BaseUrl);
                engine.Open(session);
                return StripeObjects.Respond(store, call, session.ToJson);
            }));

        v1.MapGet("/checkout/sessions/{id}", (string id, HttpContext http, StripeApi api, StripeStore store) =>
            api.HandleAsync(http, call => StripeObjects.Retrieve(store, call, store.Sessions, id, "checkout.session", "session", s => s.ToJson())));

        v1.MapGet("/checkout/sessions", (HttpContext http, StripeApi api, StripeStore store) =>
            api.HandleAsync(http, call =>
            {
                var intent = call.Params.String("payment_intent");
                var expand = ItemExpansions(call.Params);
                return StripeLists.Respond(
                    store,
                    call.Params,
                    () => store.Sessions.Values.Where(s => intent is null || s.PaymentIntentId == intent),
                    s => s.Id,
                    s => Expansion.Apply(s.ToJson(), expand, store),
                    "/v1/checkout/sessions");
            }));

        v1.MapPost("/checkout/sessions/{id}/expire", (string id, HttpContext http, StripeApi api, StripeStore store, CheckoutEngine engine) =>
            api.HandleAsync(http, call =>
            {
                var session = engine.Expire(id, call.Origin);
                return StripeObjects.Respond(store, call, session.ToJson);
            }));
    }

    /// <summary>On a list, <c>expand[]=data.payment_intent</c> expands inside each item.</summary>
    private static List<string> ItemExpansions(StripeParams p) =>
        [.. p.Expand.Select(e => e.StartsWith("data.", StringComparison.Ordinal)
            ? e["data.".Length..]
            : throw new StripeErrorException(StripeError.InvalidRequest($"This property cannot be expanded ({e}).", "expand", "parameter_invalid_string")))];
}
