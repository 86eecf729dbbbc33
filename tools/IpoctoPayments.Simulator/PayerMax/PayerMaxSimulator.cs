namespace IpoctoPayments.Simulator.PayerMax;

public static class PayerMaxSimulator
{
    public static IServiceCollection AddPayerMaxSimulator(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapPayerMaxSimulator(this IEndpointRouteBuilder endpoints) => endpoints;
}
