using IpoctoPayments.Simulator.Control;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.PayerMax.Api;
using IpoctoPayments.Simulator.PayerMax.Control;
using IpoctoPayments.Simulator.PayerMax.Engine;
using IpoctoPayments.Simulator.PayerMax.Model;
using IpoctoPayments.Simulator.PayerMax.Pages;

namespace IpoctoPayments.Simulator.PayerMax;

/// <summary>The PayerMax half of the simulator: gateway, cashier pages, notifications and its control routes.</summary>
public static class PayerMaxSimulator
{
    public static IServiceCollection AddPayerMaxSimulator(this IServiceCollection services)
    {
        services.AddSingleton<PayerMaxStore>();
        services.AddSingleton<ISimulatorState>(sp => sp.GetRequiredService<PayerMaxStore>());
        services.AddSingleton<PayerMaxNotifier>();
        services.AddSingleton<PaymentEngine>();
        services.AddSingleton<RefundEngine>();
        services.AddSingleton<ChargebackEngine>();
        services.AddSingleton<ITriggerSource, PayerMaxTriggers>();
        services.AddSingleton<IGatewayApi, OrderAndPayApi>();
        services.AddSingleton<IGatewayApi, OrderQueryApi>();
        services.AddSingleton<IGatewayApi, OrderCloseApi>();
        services.AddSingleton<IGatewayApi, RefundApi>();
        services.AddSingleton<IGatewayApi, RefundQueryApi>();
        services.AddSingleton<IGatewayApi, CaseSearchApi>();
        return services;
    }

    public static IEndpointRouteBuilder MapPayerMaxSimulator(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPayerMaxGateway();
        endpoints.MapPayerMaxCashier();
        endpoints.MapPayerMaxControl();
        return endpoints;
    }
}
