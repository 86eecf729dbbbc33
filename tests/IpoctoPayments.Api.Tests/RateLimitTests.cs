using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests;

public sealed class RateLimitTests
{
    [SkippableFact]
    public async Task An_account_creating_top_ups_too_fast_is_told_to_wait_while_others_are_not()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var system = await PaymentsSystem.StartAsync(database, new Dictionary<string, string?> { ["RateLimits:TopUpsPerMinute"] = "2" });
        var hasty = system.Console("acc-hasty");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await hasty.PostAsJsonAsync("/api/v1/topups", Request()));
        }

        var other = await system.Console("acc-calm").PostAsJsonAsync("/api/v1/topups", Request());

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        Assert.Equal("application/problem+json", answers[2].Content.Headers.ContentType?.MediaType);
        Assert.Equal("too_many_requests", (await answers[2].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.True(answers[2].Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var listed = await hasty.GetFromJsonAsync<JsonElement>("/api/v1/topups");
        Assert.Equal(2, listed.GetProperty("items").GetArrayLength());
    }

    private static object Request() => new
    {
        amount = new { amount = "5.00", currency = "USD" },
        provider = "stripe",
        country = "US",
        returnUrl = "https://console.ipocto.test/topups",
    };
}
