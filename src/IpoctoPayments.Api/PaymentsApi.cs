using FluentValidation;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Api.Common.Reference;
using IpoctoPayments.Api.Disputes;
using IpoctoPayments.Api.Ledger;
using IpoctoPayments.Api.PaymentMethods;
using IpoctoPayments.Api.Reconciliation;
using IpoctoPayments.Api.Refunds;
using IpoctoPayments.Api.Support;
using IpoctoPayments.Api.TopUps;
using IpoctoPayments.Api.Webhooks;
using IpoctoPayments.Application;
using IpoctoPayments.Infrastructure;
using IpoctoPayments.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Api;

/// <summary>The API's composition, shared by its own host and the sandbox.</summary>
public static class PaymentsApi
{
    public const string OpenApiDocumentName = ApiReference.DocumentName;

    public static WebApplicationBuilder AddPaymentsApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPaymentsAuthentication();
        builder.AddPaymentsRateLimits();
        builder.AddPaymentsTelemetry();
        builder.AddPaymentsDraining();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiExceptionHandler.AddMissingCode);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddPaymentsApiReference();
        builder.Services.AddValidatorsFromAssembly(typeof(PaymentsApi).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        builder.Services.AddOptions<ReturnOriginOptions>().Bind(builder.Configuration.GetSection(ReturnOriginOptions.Section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReturnOriginOptions>, ReturnOriginOptionsValidator>();
        builder.Services.AddApplication(builder.Configuration);
        builder.Services.AddInfrastructure(builder.Configuration);
        return builder;
    }

    public static async Task<WebApplication> UsePaymentsApiAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.PrepareDatabaseAsync();
        app.UseDraining();
        app.UseCorrelationId();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPaymentsApiReference();
        app.MapPaymentsHealth();

        var api = app.MapGroup("/api/v1");
        api.MapTopUpEndpoints();
        api.MapRefundEndpoints();
        api.MapDisputeEndpoints();
        api.MapLedgerEndpoints();
        api.MapDebitEndpoints();
        api.MapPaymentMethodEndpoints();
        api.MapSupportEndpoints();
        api.MapReconciliationEndpoints();
        app.MapWebhookEndpoints();
        return app;
    }
}
