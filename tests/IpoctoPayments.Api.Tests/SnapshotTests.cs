using System.Net;
using System.Text.Json;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;
using Newtonsoft.Json.Linq;
using Snapshooter.Xunit;

namespace IpoctoPayments.Api.Tests;

/// <summary>The API's published shapes: its OpenAPI document and its problem details. A change here is a change for every client.</summary>
public sealed class SnapshotTests(SharedSystems systems) : IClassFixture<SharedSystems>
{
    [SkippableFact]
    public async Task The_openapi_document_matches_its_snapshot()
    {
        var system = await systems.ForAsync(DatabaseProvider.Sqlite);

        var document = await system.Anonymous().GetStringAsync("/openapi/v1.json");

        Snapshot.Match(JsonDocument.Parse(document).RootElement.ToString());
    }

    [SkippableFact]
    public async Task A_validation_problem_matches_its_snapshot()
    {
        var system = await systems.ForAsync(DatabaseProvider.Sqlite);

        using var response = await system.Console("acc-snapshot").PostTopUpAsync(new { amount = new { amount = "-1", currency = "USD" }, provider = "stripe", country = "US", returnUrl = TopUpRequest.ReturnUrl });

        await MatchProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [SkippableFact]
    public async Task A_not_found_problem_matches_its_snapshot()
    {
        var system = await systems.ForAsync(DatabaseProvider.Sqlite);

        using var response = await system.Console("acc-snapshot").GetAsync("/api/v1/topups/0196f1c2-7a3b-7c4d-8e5f-000000000001");

        await MatchProblemAsync(response, HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_provider_unavailable_problem_matches_its_snapshot()
    {
        var system = await systems.ForAsync(DatabaseProvider.Sqlite);
        await system.SetFaultsAsync(new { stripe = new { failNextCalls = 5 } });

        using var response = await system.Console("acc-snapshot").PostTopUpAsync(TopUpRequest.StripeCard());

        await system.SetFaultsAsync(new { stripe = new { failNextCalls = 0 } });
        await MatchProblemAsync(response, HttpStatusCode.ServiceUnavailable);
    }

    private static async Task MatchProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await ApiAnswer.ProblemAsync(response);
        Assert.Equal(status, response.StatusCode);
        Assert.True(problem.TryGetProperty("traceId", out _), "problems carry a traceId (left out of the snapshot: it changes every call)");
        Snapshot.Match(JObject.Parse(problem.ToString()), options => options.IgnoreField("traceId"));
    }
}
