using IpoctoPayments.Simulator.Stripe.Engine;
using IpoctoPayments.Simulator.Stripe.Model;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary><c>/v1/disputes</c>: retrieve, list (filters <c>charge</c>, <c>payment_intent</c>), update, close.</summary>
internal static class DisputesApi
{
    public static void MapDisputes(this RouteGroupBuilder v1)
    {
        v1.MapGet("/disputes/{id}", (string id, HttpContext http, StripeApi api, StripeStore store) =>
            api.HandleAsync(http, call => StripeObjects.Retrieve(store, call, store.Disputes, id, "dispute", "dispute", d => d.ToJson())));

        v1.MapGet("/disputes", (HttpContext http, StripeApi api, StripeStore store) =>
            api.HandleAsync(http, call => StripeLists.RespondForPayment(
                store, call.Params, () => store.Disputes.Values, d => d.PaymentIntentId, d => d.ChargeId, d => d.Id, d => d.ToJson(), "/v1/disputes")));

        v1.MapPost("/disputes/{id}", (string id, HttpContext http, StripeApi api, StripeStore store, DisputeEngine disputes) =>
            api.HandleAsync(http, call =>
            {
                var dispute = disputes.Update(id, call.Params, call.Origin);
                return StripeObjects.Respond(store, call, dispute.ToJson);
            }));

        v1.MapPost("/disputes/{id}/close", (string id, HttpContext http, StripeApi api, StripeStore store, DisputeEngine disputes) =>
            api.HandleAsync(http, call =>
            {
                var dispute = disputes.Close(id, call.Origin);
                return StripeObjects.Respond(store, call, dispute.ToJson);
            }));
    }
}
