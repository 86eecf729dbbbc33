namespace IpoctoPayments.Simulator.Stripe;

public static class StripeSimulator
{
    public static IServiceCollection AddStripeSimulator(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapStripeSimulator(this IEndpointRouteBuilder endpoints) => endpoints;
}
