using IpoctoPayments.Simulator.Control;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.Stripe.Api;
using IpoctoPayments.Simulator.Stripe.Control;
using IpoctoPayments.Simulator.Stripe.Engine;
using IpoctoPayments.Simulator.Stripe.Model;
using IpoctoPayments.Simulator.Stripe.Pages;

namespace IpoctoPayments.Simulator.Stripe;

/// <summary>The Stripe half of the simulator: <c>/v1</c> API, hosted Checkout page, Stripe control routes.</summary>
public static class StripeSimulator
{
    public static IServiceCollection AddStripeSimulator(this IServiceCollection services)
    {
        services.AddSingleton<StripeStore>();
        services.AddSingleton<ISimulatorState>(sp => sp.GetRequiredService<StripeStore>());
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<ISimulatorState>(sp => sp.GetRequiredService<IdempotencyStore>());
        services.AddSingleton<StripeApi>();
        services.AddSingleton<StripeEventPublisher>();
        services.AddSingleton<CheckoutEngine>();
        services.AddSingleton<RefundEngine>();
        services.AddSingleton<DisputeEngine>();
        services.AddSingleton<ITriggerSource, StripeTriggers>();
        return services;
    }

    public static IEndpointRouteBuilder MapStripeSimulator(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/v1")
            .WithProviderFaults(ProviderNames.Stripe, StripeApi.ServerError)
            .ExcludeFromDescription()
            .DisableAntiforgery();
        v1.MapCheckoutSessions();
        v1.MapPaymentIntents();
        v1.MapRefunds();
        v1.MapDisputes();
        v1.MapEvents();
        v1.MapFallback((HttpContext http, StripeApi api) =>
            api.HandleAsync(http, _ => throw new StripeErrorException(new StripeError(
                StatusCodes.Status404NotFound, "invalid_request_error", $"Unrecognized request URL ({http.Request.Method}: {http.Request.Path}).", "resource_missing"))));

        endpoints.MapCheckoutPage();
        endpoints.MapStripeControl();
        return endpoints;
    }
}
