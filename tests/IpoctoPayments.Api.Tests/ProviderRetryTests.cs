using System.Net;
using IpoctoPayments.Infrastructure.Providers;
using Polly;
using Polly.Timeout;

namespace IpoctoPayments.Api.Tests;

/// <summary>Which failed provider calls are sent again; the simulator cannot hold a Stripe request in flight to make its 409.</summary>
public sealed class ProviderRetryTests
{
    [Theory]
    [InlineData(HttpStatusCode.Conflict, "true", true)]
    [InlineData(HttpStatusCode.Conflict, null, false)]
    [InlineData(HttpStatusCode.InternalServerError, "false", false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, null, true)]
    [InlineData(HttpStatusCode.TooManyRequests, null, true)]
    [InlineData(HttpStatusCode.BadRequest, null, false)]
    [InlineData(HttpStatusCode.PaymentRequired, "true", true)]
    public void Stripes_own_verdict_decides_and_otherwise_only_transient_answers_are_retried(HttpStatusCode status, string? shouldRetry, bool retried)
    {
        using var response = new HttpResponseMessage(status);
        if (shouldRetry is not null)
        {
            response.Headers.Add("Stripe-Should-Retry", shouldRetry);
        }

        Assert.Equal(retried, ProviderRetries.ShouldRetry(Outcome.FromResult(response), retryLostAnswers: true));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void A_timed_out_attempt_is_sent_again_only_where_the_provider_takes_a_request_twice(bool retryLostAnswers, bool retried)
    {
        var timedOut = Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException());

        Assert.Equal(retried, ProviderRetries.ShouldRetry(timedOut, retryLostAnswers));
    }

    [Fact]
    public void A_connection_refused_is_retried_for_either_provider()
    {
        var refused = Outcome.FromException<HttpResponseMessage>(new HttpRequestException("refused", null, HttpStatusCode.ServiceUnavailable));

        Assert.True(ProviderRetries.ShouldRetry(refused, retryLostAnswers: false));
    }
}
