using System.Net;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class RateLimitTests
{
    [SkippableFact]
    public async Task An_account_creating_top_ups_too_fast_is_told_to_wait_while_others_are_not()
    {
        await using var system = await PaymentsSystem.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["RateLimits:TopUpsPerMinute"] = "2" });
        var hasty = system.Console("acc-hasty");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await hasty.PostTopUpAsync(TopUpRequest.StripeCard("5.00")));
        }

        var other = await system.Console("acc-calm").PostTopUpAsync(TopUpRequest.StripeCard("5.00"));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        await ApiAnswer.AssertProblemAsync(answers[2], HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.NotNull(answers[2].Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(2, (await hasty.TopUpsAsync()).Length);
    }
}
