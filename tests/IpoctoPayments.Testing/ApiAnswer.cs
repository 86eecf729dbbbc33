using System.Net;
using System.Text.Json;
using Xunit;

namespace IpoctoPayments.Testing;

/// <summary>Reads the API's answers, asserting what they must be first, with the body in the message when they are not.</summary>
public static class ApiAnswer
{
    /// <summary>Asserts the status and returns the JSON body.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts the answer is problem details and returns them.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{(int)response.StatusCode} {response.Content.Headers.ContentType}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a problem-details answer with this status and code; returns it for further checks.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await ProblemAsync(response);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {problem}");
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}
