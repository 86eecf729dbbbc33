using IpoctoPayments.Simulator.Stripe.Model;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary><c>GET /v1/payment_intents/{id}</c>.</summary>
internal static class PaymentIntentsApi
{
    public static void MapPaymentIntents(this RouteGroupBuilder v1) =>
        v1.MapGet("/payment_intents/{id}", (string id, HttpContext http, StripeApi api, StripeStore store) =>
            api.HandleAsync(http, call => StripeObjects.Retrieve(store, call, store.PaymentIntents, id, "payment_intent", "intent", i => i.ToJson())));
}
