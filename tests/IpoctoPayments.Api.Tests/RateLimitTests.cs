using System.Net;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace IpoctoPayments.Api.Tests;

/// <summary>
/// <c>RateLimits:TopUpsPerMinute</c> per account, whichever API instance a request reaches: the count is kept in the
/// database the instances share, in windows that are the clock's whole minutes.
/// </summary>
public sealed class RateLimitTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task An_account_alternating_between_two_instances_gets_the_limit_in_total_then_waits_for_the_next_minute_on_either(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider, Limit(4));
        var other = system.StartAnotherInstance();
        var hasty = OnBothInstances(system, other, "acc-hasty");
        var minute = NextWholeMinute(system);
        system.Clock.SetUtcNow(minute.AddSeconds(20));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var created = await hasty[i % 2].PostTopUpAsync(TopUpRequest.StripeCard("5.00"));
            statuses.Add(created.StatusCode);
        }

        using var refusedByA = await hasty[0].PostTopUpAsync(TopUpRequest.StripeCard("5.00"), "after-the-limit");
        using var refusedByB = await hasty[1].PostTopUpAsync(TopUpRequest.StripeCard("5.00"));
        using var calm = await other(TestTokens.For("acc-calm", Scopes.Account)).PostTopUpAsync(TopUpRequest.StripeCard("5.00"));
        system.Clock.Advance(TimeSpan.FromSeconds(15));
        using var refusedLater = await hasty[1].PostTopUpAsync(TopUpRequest.StripeCard("5.00"));

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Created, 4), statuses);
        var problem = await ApiAnswer.AssertProblemAsync(refusedByA, HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.Equal("At most 4 top-ups a minute per account; wait a moment and try again.", problem.GetProperty("detail").GetString());
        await ApiAnswer.AssertProblemAsync(refusedByB, HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.Equal((40, 40), (RetryAfter(refusedByA), RetryAfter(refusedByB)));
        Assert.Equal(25, RetryAfter(refusedLater));
        Assert.Equal(HttpStatusCode.Created, calm.StatusCode);
        Assert.Equal(4, (await hasty[0].TopUpsAsync()).Length);

        system.Clock.SetUtcNow(minute.AddMinutes(1));
        // The refused request claimed nothing: its key makes a new top-up now, neither a replay nor "in use".
        using var nextMinute = await hasty[0].PostTopUpAsync(TopUpRequest.StripeCard("5.00"), "after-the-limit");
        Assert.Equal(HttpStatusCode.Created, nextMinute.StatusCode);
        Assert.False(nextMinute.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(5, (await hasty[1].TopUpsAsync()).Length);
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task Forty_top_ups_of_one_account_at_once_over_two_instances_with_a_limit_of_ten_make_exactly_ten(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider, Limit(10));
        var other = system.StartAnotherInstance();
        var burst = OnBothInstances(system, other, "acc-burst");
        system.Clock.SetUtcNow(NextWholeMinute(system).AddSeconds(1));

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await burst[i % 2].PostTopUpAsync(TopUpRequest.StripeCard("5.00"));
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta?.TotalSeconds, Body: await response.Content.ReadAsStringAsync());
        }));

        output.WriteLine($"{provider}: 40 at once, limit 10: " + string.Join(", ",
            answers.GroupBy(a => (int)a.StatusCode).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}")));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.TooManyRequests, $"{(int)a.StatusCode} {a.Body}"));
        Assert.Equal(10, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(30, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests), a => Assert.Equal(59, a.RetryAfter));
        Assert.Equal(10, (await burst[0].TopUpsAsync()).Length);
    }

    [SkippableTheory]
    [ClassData(typeof(Databases))]
    public async Task When_the_count_cannot_be_read_a_top_up_is_refused_with_503_and_nothing_is_created(DatabaseProvider provider)
    {
        await using var system = await PaymentsSystem.StartAsync(provider, Limit(4));
        var console = system.Console("acc-uncounted");
        await system.InDatabaseAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE rate_limit_windows"));

        using var refused = await console.PostTopUpAsync(TopUpRequest.StripeCard("5.00"), "uncounted");

        await ApiAnswer.AssertProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "service_unavailable");
        Assert.Equal(1, RetryAfter(refused));
        Assert.Empty(await console.TopUpsAsync());
    }

    /// <summary>The account's console on the system's first instance and on <paramref name="other"/>, in that order.</summary>
    private static PaymentsApiClient[] OnBothInstances(PaymentsSystem system, Func<string?, PaymentsApiClient> other, string account)
    {
        var token = TestTokens.For(account, Scopes.Account);
        return [system.Client(token), other(token)];
    }

    private static Dictionary<string, string?> Limit(int topUpsPerMinute) =>
        new() { ["RateLimits:TopUpsPerMinute"] = topUpsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>The first whole minute of the test's clock after now: where a window starts.</summary>
    private static DateTimeOffset NextWholeMinute(PaymentsSystem system)
    {
        var now = system.Clock.GetUtcNow();
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
    }

    private static int RetryAfter(HttpResponseMessage response) =>
        (int)Assert.IsType<TimeSpan>(response.Headers.RetryAfter?.Delta).TotalSeconds;
}
