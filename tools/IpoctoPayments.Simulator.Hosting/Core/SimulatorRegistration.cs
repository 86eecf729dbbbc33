using IpoctoPayments.Simulator.Control;
using IpoctoPayments.Simulator.Control.Dashboard;
using IpoctoPayments.Simulator.Pages;
using IpoctoPayments.Simulator.PayerMax;
using IpoctoPayments.Simulator.Stripe;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.Core;

/// <summary>Adds the simulator to any ASP.NET Core host: services here, endpoints with <see cref="MapProviderSimulator"/>.</summary>
public static class SimulatorRegistration
{
    public const string OpenApiDocumentName = "simulator";

    public static IServiceCollection AddProviderSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.Section));
        services.AddSingleton<IPostConfigureOptions<SimulatorOptions>, GeneratedSecrets>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SimulatorIds(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value.Seed));
        services.AddSingleton<SimulatorScheduler>();
        services.AddSingleton<FaultPlan>();
        services.AddSingleton<WebhookOutbox>();
        services.AddSingleton<WebhookListeners>();
        services.AddSingleton<PayerMaxKeys>();
        services.AddSingleton<SimulatorBanner>();
        services.AddHostedService<SimulatorWorker>();
        services.AddHttpClient(WebhookOutbox.HttpClientName);
        services.AddProblemDetails();
        services.Configure<ProblemDetailsOptions>(options =>
        {
            // Problems the framework writes itself (a malformed control body, an unknown route) still carry a code.
            var earlier = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                earlier?.Invoke(context);
                context.ProblemDetails.Extensions.TryAdd("code", context.ProblemDetails.Status switch
                {
                    StatusCodes.Status400BadRequest => "bad_request",
                    StatusCodes.Status404NotFound => "not_found",
                    StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
                    StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
                    _ => "error",
                });
            };
        });
        services.AddOpenApi(OpenApiDocumentName, o => o.ShouldInclude = d =>
            d.RelativePath?.StartsWith("_simulator", StringComparison.Ordinal) == true);
        services.AddStripeSimulator();
        services.AddPayerMaxSimulator();
        return services;
    }

    public static IEndpointRouteBuilder MapProviderSimulator(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/_simulator/openapi/{documentName}.json");
        endpoints.MapControlApi();
        endpoints.MapTriggerApi();
        endpoints.MapDashboard();
        endpoints.MapHostedPageAssets();
        endpoints.MapStripeSimulator();
        endpoints.MapPayerMaxSimulator();
        return endpoints;
    }
}
