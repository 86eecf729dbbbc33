using IpoctoPayments.Simulator.Stripe.Engine;
using IpoctoPayments.Simulator.Stripe.Model;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary><c>/v1/refunds</c>: create, retrieve, list (filters <c>payment_intent</c>, <c>charge</c>).</summary>
internal static class RefundsApi
{
    public static void MapRefunds(this RouteGroupBuilder v1)
    {
        v1.MapPost("/refunds", (HttpContext http, StripeApi api, StripeStore store, RefundEngine refunds) =>
            api.HandleAsync(http, call =>
            {
                var refund = refunds.Create(call.Params, call.Origin);
                return StripeObjects.Respond(store, call, refund.ToJson);
            }));

        v1.MapGet("/refunds/{id}", (string id, HttpContext http, StripeApi api, StripeStore store) =>
            api.HandleAsync(http, call => StripeObjects.Retrieve(store, call, store.Refunds, id, "refund", "refund", r => r.ToJson())));

        v1.MapGet("/refunds", (HttpContext http, StripeApi api, StripeStore store) =>
            api.HandleAsync(http, call => StripeLists.RespondForPayment(
                store, call.Params, () => store.Refunds.Values, r => r.PaymentIntentId, r => r.ChargeId, r => r.Id, r => r.ToJson(), "/v1/refunds")));
    }
}
