using IpoctoPayments.Api.Common;
using IpoctoPayments.Application;

namespace IpoctoPayments.Api;

/// <summary>The API's composition, shared by its own host and the sandbox.</summary>
public static class PaymentsApi
{
    public const string OpenApiDocumentName = "v1";

    public static WebApplicationBuilder AddPaymentsApi(this WebApplicationBuilder builder)
    {
        builder.AddPaymentsAuthentication();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddOpenApi(OpenApiDocumentName, options => options.ShouldInclude = description =>
            description.RelativePath is { } path && (path.StartsWith("api/", StringComparison.Ordinal) || path.StartsWith("webhooks/", StringComparison.Ordinal)));
        builder.Services.AddHealthChecks();
        builder.Services.AddApplication(builder.Configuration);
        return builder;
    }

    public static WebApplication UsePaymentsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health");
        return app;
    }
}
