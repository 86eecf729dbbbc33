using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Stripe.Engine;
using IpoctoPayments.Simulator.Stripe.Model;
using IpoctoPayments.Simulator.Stripe.Wire;

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
                lock (store.Gate)
                {
                    return StripeResult.Ok(Expansion.Apply(session.ToJson(), call.Params.Expand, store));
                }
            }));

        v1.MapGet("/checkout/sessions/{id}", (string id, HttpContext http, StripeApi api, StripeStore store) =>
            api.HandleAsync(http, call =>
            {
                lock (store.Gate)
                {
                    return store.Sessions.TryGetValue(id, out var session)
                        ? StripeResult.Ok(Expansion.Apply(session.ToJson(), call.Params.Expand, store))
                        : throw new StripeErrorException(StripeError.NoSuch("checkout.session", id, "session"));
                }
            }));

        v1.MapGet("/checkout/sessions", (HttpContext http, StripeApi api, StripeStore store) =>
            api.HandleAsync(http, call =>
            {
                var intent = call.Params.String("payment_intent");
                var expand = ItemExpansions(call.Params);
                lock (store.Gate)
                {
                    var sessions = store.Sessions.Values.Where(s => intent is null || s.PaymentIntentId == intent);
                    return StripeResult.Ok(StripeLists.Page(call.Params, sessions, s => s.Id, s => Expansion.Apply(s.ToJson(), expand, store), "/v1/checkout/sessions"));
                }
            }));

        v1.MapPost("/checkout/sessions/{id}/expire", (string id, HttpContext http, StripeApi api, StripeStore store, CheckoutEngine engine) =>
            api.HandleAsync(http, call =>
            {
                var session = engine.Expire(id, call.Origin);
                lock (store.Gate)
                {
                    return StripeResult.Ok(Expansion.Apply(session.ToJson(), call.Params.Expand, store));
                }
            }));
    }

    /// <summary>On a list, <c>expand[]=data.payment_intent</c> expands inside each item.</summary>
    private static List<string> ItemExpansions(StripeParams p) =>
        [.. p.Expand.Select(e => e.StartsWith("data.", StringComparison.Ordinal)
            ? e["data.".Length..]
            : throw new StripeErrorException(StripeError.InvalidRequest($"This property cannot be expanded ({e}).", "expand", "parameter_invalid_string")))];
}
