using System.Text.Json;
using IpoctoPayments.Infrastructure.Providers;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IpoctoPayments.Api.Common;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the database and both providers, each named in a JSON
/// body (a provider down makes it Degraded, still 200; the database down makes it Unhealthy, 503). <c>/health</c>: the database, as before.
/// </summary>
internal static class Health
{
    public static void MapPaymentsHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Database) });
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = WriteReportAsync });
    }

    private static Task WriteReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description, durationMs = Math.Round(entry.Value.Duration.TotalMilliseconds, 1) }),
        }, cancellationToken: context.RequestAborted);
    }
}
