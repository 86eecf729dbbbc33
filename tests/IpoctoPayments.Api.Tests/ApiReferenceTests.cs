using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using IpoctoPayments.Api.Common;
using IpoctoPayments.Api.Tests.Support;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Domain.Errors;
using IpoctoPayments.Infrastructure.Persistence;

namespace IpoctoPayments.Api.Tests;

/// <summary>The API reference a console developer reads at <c>/scalar/v1</c>: every endpoint shown with an example, every error code explained.</summary>
public sealed partial class ApiReferenceTests(SharedSystems systems) : IClassFixture<SharedSystems>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [SkippableFact]
    public async Task The_reference_page_answers_at_scalar_v1_and_reads_the_openapi_document()
    {
        var client = (await systems.ForAsync(DatabaseProvider.Sqlite)).Anonymous();

        using var page = await client.GetAsync("/scalar/v1");
        var html = await page.Content.ReadAsStringAsync();
        using var script = await client.GetAsync("/scalar/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>ipocto Payments API</title>", html, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [SkippableFact]
    public async Task Every_endpoint_has_a_summary_and_examples_of_its_request_and_answers()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();

        Assert.Equal(18, operations.Count);
        foreach (var (name, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.TryGetProperty("summary", out var summary) ? summary.GetString() : null), $"{name} has no summary");
            if (operation.TryGetProperty("requestBody", out var body))
            {
                Assert.True(body.GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _), $"{name} has no request example");
            }

            var answers = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            Assert.NotEmpty(answers);
            foreach (var answer in answers)
            {
                Assert.True(answer.Value.GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _), $"{name} {answer.Name} has no example");
            }

            foreach (var problem in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                Assert.True(problem.Value.GetProperty("content").GetProperty("application/problem+json").TryGetProperty("examples", out var examples), $"{name} {problem.Name} has no example");
                Assert.All(examples.EnumerateObject(), e => Assert.Equal(e.Name, e.Value.GetProperty("value").GetProperty("code").GetString()));
            }
        }
    }

    [SkippableFact]
    public async Task Endpoints_that_need_a_token_say_which_scope_and_show_the_401()
    {
        var document = await DocumentAsync();

        var refund = document.GetProperty("paths").GetProperty("/api/v1/topups/{id}/refunds").GetProperty("post");

        Assert.Contains("`payments:admin`", refund.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(refund.GetProperty("responses").GetProperty("401").GetProperty("content").GetProperty("application/problem+json")
            .GetProperty("examples").TryGetProperty(ProblemCodes.Unauthenticated.Code, out _));
        Assert.False(document.GetProperty("paths").GetProperty("/webhooks/stripe").GetProperty("post").TryGetProperty("security", out _), "providers call webhooks without a token");
    }

    [SkippableFact]
    public async Task Every_payment_error_code_appears_with_its_guidance_and_the_provider_codes_behind_it()
    {
        var description = (await DocumentAsync()).GetProperty("info").GetProperty("description").GetString()!;

        foreach (var error in PaymentErrors.All)
        {
            var section = Section(description, error.Code);
            Assert.Contains(error.Message, section, StringComparison.Ordinal);
            Assert.Contains($"**What the customer can do:** {error.Guidance}", section, StringComparison.Ordinal);
        }

        foreach (var (code, error) in StripeErrorCodes.DeclineCodes.Concat(StripeErrorCodes.ErrorCodes))
        {
            Assert.Matches($"Stripe [^;]*`{code}`", Section(description, error.Code));
        }

        foreach (var (code, error) in PayerMaxErrorCodes.Codes)
        {
            Assert.Matches($"PayerMax [^;]*`{code}`", Section(description, error.Code));
        }
    }

    [SkippableFact]
    public async Task Every_problem_code_appears_with_its_status_and_meaning()
    {
        var description = (await DocumentAsync()).GetProperty("info").GetProperty("description").GetString()!;

        Assert.All(ProblemCodes.All, problem => Assert.Contains($"| `{problem.Code}` | {(problem.Status == 0 ? "any" : problem.Status)} | {problem.Meaning} |", description, StringComparison.Ordinal));
    }

    /// <summary>A code added anywhere in the service without a line in the reference fails here, not in a customer's hands.</summary>
    [Fact]
    public void Every_code_the_service_raises_is_documented()
    {
        var documented = ProblemCodes.All.Select(p => p.Code).Concat(PaymentErrors.All.Select(e => e.Code)).ToHashSet(StringComparer.Ordinal);
        var source = RepositoryRoot().GetDirectories("src").Single();

        var raised = source.EnumerateFiles("*.cs", SearchOption.AllDirectories)
            .Where(file => !file.FullName.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.FullName.Contains(Path.Combine("IpoctoPayments.Domain", "Ledger"), StringComparison.Ordinal))
            .SelectMany(file => (file.FullName.Contains("IpoctoPayments.Domain", StringComparison.Ordinal) ? DomainCode() : RaisedCode())
                .Matches(File.ReadAllText(file.FullName)).Select(m => (Code: m.Groups["code"].Value, File: file.Name)))
            .ToList();

        Assert.True(raised.Count > 40, $"the scan found only {raised.Count} codes; has the way codes are raised changed?");
        var missing = raised.Where(r => !documented.Contains(r.Code)).Select(r => $"{r.Code} ({r.File})").Distinct().ToList();
        Assert.True(missing.Count == 0, $"not in ProblemCodes: {string.Join(", ", missing)}");
    }

    [SkippableFact]
    public async Task Every_webhook_outcome_is_named_in_the_stripe_webhooks_description_as_the_api_spells_it()
    {
        var description = (await DocumentAsync()).GetProperty("paths").GetProperty("/webhooks/stripe").GetProperty("post")
            .GetProperty("description").GetString()!;

        Assert.All(Enum.GetValues<EventOutcome>(), outcome => Assert.Contains($"`{StatusNames.Of(outcome)}`", description, StringComparison.Ordinal));
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var client = (await systems.ForAsync(DatabaseProvider.Sqlite)).Anonymous();
        return JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
    }

    /// <summary>The part of the reference under one payment error's heading.</summary>
    private static string Section(string description, string code)
    {
        var heading = $"### `{code}`";
        var start = description.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{code} has no section in the reference");
        var end = description.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
        return description[start..(end < 0 ? description.Length : end)];
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select ($"{method.Name.ToUpperInvariant()} {path.Name}", method.Value);

    private static DirectoryInfo RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IpoctoPayments.sln")))
        {
            directory = directory.Parent;
        }

        return directory ?? throw new InvalidOperationException("The tests run outside the repository.");
    }

    // Where a code is handed to a caller: validator rules, application and domain errors, webhook refusals (Ledger's are internal).
    [GeneratedRegex(@"(?:WithErrorCode\(|new DomainError\(|InvalidWebhookException\(|AppException\.\w+\(\s*|new AppError\(ErrorKind\.\w+,\s*)""(?<code>[a-z_]+)""")]
    private static partial Regex RaisedCode();

    // The domain's errors, often written target-typed: new("code", "message").
    [GeneratedRegex(@"(?:new DomainError\(|\bnew\()""(?<code>[a-z_]+)""")]
    private static partial Regex DomainCode();
}
