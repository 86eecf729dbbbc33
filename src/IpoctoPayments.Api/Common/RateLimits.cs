using System.Globalization;
using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.RateLimiting;
using IpoctoPayments.Domain.Common;
using Microsoft.Extensions.Options;

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

    public static void AddPaymentsRateLimits(this WebApplicationBuilder builder) =>
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.TopUpsPerMinute > 0, "RateLimits:TopUpsPerMinute must be at least 1.")
            .ValidateOnStart();

    /// <summary>Partitioned by account: one customer's burst cannot crowd out the others.</summary>
    public static RouteHandlerBuilder RequireTopUpRateLimit(this RouteHandlerBuilder endpoint) => endpoint.AddEndpointFilter<TopUpRateLimit>();
}

/// <summary>
/// Takes one of the account's permits of the minute before the endpoint runs, from the counter every instance shares;
/// a request refused here has read no body and written nothing.
/// </summary>
internal sealed class TopUpRateLimit(IRateLimitCounters counters, IOptions<RateLimitOptions> options, TimeProvider clock) : IEndpointFilter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var account = AccountId.Parse(http.User.AccountId()).OrThrow(ErrorKind.Invalid, "accountId");
        var limit = options.Value.TopUpsPerMinute;
        var permit = await counters.TakeAsync($"{RateLimits.CreateTopUp}:{account}", limit, Window, clock.GetUtcNow(), http.RequestAborted);
        if (permit.Taken)
        {
            return await next(context);
        }

        // Rounded up, so a caller that waits as told finds the next window open.
        http.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(permit.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(ApiExceptionHandler.Problem(StatusCodes.Status429TooManyRequests, ProblemCodes.TooManyRequests.Code,
            $"At most {limit} top-ups a minute per account; wait a moment and try again."));
    }
}
