using System.Diagnostics;
using System.Text.RegularExpressions;

namespace IpoctoPayments.Api.Common;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Correlation-Id</c> when it is a sensible token, else the
/// trace id. It is echoed in the response and carried by every log line written for the request.
/// </summary>
internal static partial class CorrelationId
{
    public const string Header = "X-Correlation-Id";
    public const string ScopeKey = "CorrelationId";

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var id = Valid(context.Request.Headers[Header].ToString()) ?? Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier;
        Activity.Current?.SetTag("correlation.id", id);

        // Set as the response starts: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });

        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CorrelationId));
        using (logger.BeginScope(new Dictionary<string, object?> { [ScopeKey] = id }))
        {
            await next(context);
        }
    });

    // A caller's id lands in logs and headers: anything longer or stranger than an id is replaced, not trusted.
    private static string? Valid(string value) => SafeId().IsMatch(value) ? value : null;

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex SafeId();
}
