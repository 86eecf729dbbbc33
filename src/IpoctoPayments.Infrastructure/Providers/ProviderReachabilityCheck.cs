using System.Net.Http.Headers;
using IpoctoPayments.Infrastructure.Providers.PayerMax;
using IpoctoPayments.Infrastructure.Providers.Stripe;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Providers;

/// <summary>Which health checks answer which question: <c>/health</c> asks the database only, readiness asks everything.</summary>
public static class HealthTags
{
    public const string Database = "database";
    public const string Provider = "provider";
}

/// <summary>
/// Is a provider's API there? One request that reads nothing and costs nothing: no key and no signature are sent, so
/// the provider answers with a refusal, and any answer below 500 proves it is reachable. The request goes through the
/// same client as payments, so it is retried as they are and an open circuit breaker shows here too.
/// </summary>
internal sealed class ProviderReachabilityCheck(IHttpClientFactory clients, string clientName, Func<HttpRequestMessage> probe) : IHealthCheck
{
    /// <summary>Short: a readiness probe must answer before the orchestrator gives up on it.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var request = probe();
        var target = $"{request.RequestUri!.Scheme}://{request.RequestUri.Authority}";
        try
        {
            using var response = await clients.CreateClient(clientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return (int)response.StatusCode < 500
                ? HealthCheckResult.Healthy($"{target} answered {(int)response.StatusCode}.")
                : new HealthCheckResult(context.Registration.FailureStatus, $"{target} answered {(int)response.StatusCode}.");
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or OperationCanceledException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{target} did not answer: {exception.GetType().Name}.");
        }
    }

}

internal static class ProviderHealthChecks
{
    public static IHealthChecksBuilder AddProviderChecks(this IHealthChecksBuilder builder) => builder
        .Add(Registration("stripe", DependencyInjection.StripeHttpClient, sp =>
        {
            var o = sp.GetRequiredService<IOptions<StripeOptions>>().Value;
            var apiBase = string.IsNullOrWhiteSpace(o.ApiBase) ? "https://api.stripe.com" : o.ApiBase;
            return () => new HttpRequestMessage(HttpMethod.Get, $"{apiBase.TrimEnd('/')}/v1/events?limit=1");
        }))
        .Add(Registration("payermax", DependencyInjection.PayerMaxHttpClient, sp =>
        {
            var o = sp.GetRequiredService<IOptions<PayerMaxOptions>>().Value;
            return () => new HttpRequestMessage(HttpMethod.Post, $"{o.BaseUrl.TrimEnd('/')}/orderQuery")
            {
                Content = new StringContent("{}", MediaTypeHeaderValue.Parse("application/json")),
            };
        }));

    // A provider outage degrades the service (balances, ledgers and the other provider still work); it does not take it down.
    private static HealthCheckRegistration Registration(string name, string clientName, Func<IServiceProvider, Func<HttpRequestMessage>> probe) =>
        new(name, sp => new ProviderReachabilityCheck(sp.GetRequiredService<IHttpClientFactory>(), clientName, probe(sp)), HealthStatus.Degraded, [HealthTags.Provider], ProviderReachabilityCheck.Timeout);
}
