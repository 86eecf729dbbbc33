using IpoctoPayments.Simulator.Stripe.Model;
using IpoctoPayments.Simulator.Stripe.Wire;

namespace IpoctoPayments.Simulator.Stripe.Api;

/// <summary><c>GET /v1/payment_intents/{id}</c>.</summary>
internal static class PaymentIntentsApi
{
    public static void MapPaymentIntents(this RouteGroupBuilder v1) =>
        v1.MapGet("/payment_intents/{id}", (string id, HttpContext http, StripeApi api, StripeStore store) =>
            api.HandleAsync(http, call =>
            {
                lock (store.Gate)
                {
                    return store.PaymentIntents.TryGetValue(id, out var intent)
                        ? StripeResult.Ok(Expansion.Apply(intent.ToJson(), call.Params.Expand, store))
                        : throw new StripeErrorException(StripeError.NoSuch("payment_intent", id, "intent"));
                }
            }));
}
