using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace IpoctoPayments.Infrastructure.Providers;

/// <summary>
/// Logs each call to a provider by method, address without query, status and duration, and nothing else. It replaces
/// HttpClientFactory's own logging, whose structured state carries every header value unredacted (the Stripe key in
/// Authorization, PayerMax's sign) even where the message masks them.
/// </summary>
internal sealed partial class ProviderCallLogger(ILogger<ProviderCallLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        Called(logger, request.Method.Method, Address(request), (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        Failed(logger, request.Method.Method, Address(request), exception.GetType().Name, elapsed.TotalMilliseconds);

    private static string Address(HttpRequestMessage request) => request.RequestUri?.GetLeftPart(UriPartial.Path) ?? "";

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider call {Method} {Address} answered {Status} in {ElapsedMs:0.0} ms")]
    private static partial void Called(ILogger logger, string method, string address, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Provider call {Method} {Address} failed with {Failure} after {ElapsedMs:0.0} ms")]
    private static partial void Failed(ILogger logger, string method, string address, string failure, double elapsedMs);
}
