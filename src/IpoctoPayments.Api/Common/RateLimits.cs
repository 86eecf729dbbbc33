using System.Threading.RateLimiting;

namespace IpoctoPayments.Api.Common;

/// <summary>The <c>RateLimits</c> section: how many top-ups one account may create.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int TopUpsPerMinute { get; set; } = 20;
}

internal static class RateLimits
{
    public const string CreateTopUp = "create-topup";

    /// <summary>ASP.NET Core's rate limiter, partitioned by account: one customer's burst cannot crowd out the others.</summary>
    public static void AddPaymentsRateLimits(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(CreateTopUp, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst("sub")?.Value ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.TopUpsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                var problem = ApiExceptionHandler.Problem(StatusCodes.Status429TooManyRequests, ProblemCodes.TooManyRequests.Code,
                    $"At most {limits.TopUpsPerMinute} top-ups a minute per account; wait a moment and try again.");
                await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
            };
        });
    }
}
