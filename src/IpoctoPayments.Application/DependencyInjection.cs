using System.Diagnostics.Metrics;
using FluentValidation;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Behaviors;
using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Application.Common.Telemetry;
using IpoctoPayments.Application.Disputes;
using IpoctoPayments.Application.Reconciliation;
using IpoctoPayments.Application.Refunds;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Application.TopUps.CreateTopUp;
using IpoctoPayments.Domain.PaymentMethods;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;

            // Outermost first: log everything, refuse invalid input before a key is claimed, claim it before the transaction opens.
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(IdempotencyBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
        });
        // Singletons: a validator builds its rules (expression trees) in its constructor and holds no state after.
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddOptions<BalanceOptions>().Bind(configuration.GetSection(BalanceOptions.Section));
        services.AddOptions<TopUpOptions>().Bind(configuration.GetSection(TopUpOptions.Section));
        services.AddOptions<TopUpLimitOptions>().Bind(configuration.GetSection(TopUpLimitOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TopUpLimitOptions>, TopUpLimitOptionsValidator>();
        // Read once: the settings are checked at start and do not change while the service runs.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TopUpLimitOptions>>().Value.ToLimits(sp.GetRequiredService<IOptions<BalanceOptions>>().Value.ToCurrency()));
        services.AddScoped<TopUpLimitCheck>();
        services.AddOptions<DisputeOptions>().Bind(configuration.GetSection(DisputeOptions.Section));
        services.AddOptions<IdempotencyOptions>().Bind(configuration.GetSection(IdempotencyOptions.Section));
        services.AddOptions<ReconciliationOptions>().Bind(configuration.GetSection(ReconciliationOptions.Section));
        services.AddSingleton<ReconciliationRun>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(PaymentMethodCatalogue.Default);
        services.TryAddSingleton(sp => new PaymentsMeter(sp.GetService<IMeterFactory>()));
        services.AddScoped<PaymentsTelemetry>();
        services.AddScoped<ProviderEventProcessor>();
        services.AddOptions<RefundDispatchOptions>().Bind(configuration.GetSection(RefundDispatchOptions.Section));
        services.AddSingleton<RefundDispatcher>();
        services.AddOptions<DisputeDispatchOptions>().Bind(configuration.GetSection(DisputeDispatchOptions.Section));
        services.AddSingleton<DisputeActionDispatcher>();
        services.AddScoped<DisputeCases>();
        return services;
    }
}
