using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace IpoctoPayments.Infrastructure.Providers;

/// <summary>Which failed provider calls are sent again.</summary>
internal static class ProviderRetries
{
    /// <summary>
    /// Stripe's own <c>Stripe-Should-Retry</c> verdict first (yes to a 409 while the same key is still in flight, no to
    /// a refusal); otherwise a transient failure is retried, and a timed-out attempt only where the provider takes the
    /// same request twice safely (<paramref name="retryLostAnswers"/>).
    /// </summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool retryLostAnswers)
    {
        if (outcome.Result?.Headers.TryGetValues("Stripe-Should-Retry", out var verdict) == true)
        {
            return string.Equals(verdict.FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        }

        return HttpClientResiliencePredicates.IsTransient(outcome) && (retryLostAnswers || outcome.Exception is not TimeoutRejectedException);
    }
}
