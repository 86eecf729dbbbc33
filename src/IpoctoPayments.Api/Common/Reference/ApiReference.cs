using System.Text.Json;
using System.Text.Json.Nodes;
using IpoctoPayments.Domain.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace IpoctoPayments.Api.Common.Reference;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) and its reader (<c>/scalar/v1</c>): every endpoint with its examples and
/// scope, and the error codes it can answer with, taken from the code that raises them.
/// </summary>
internal static class ApiReference
{
    public const string DocumentName = "v1";
    public const string Title = "ipocto Payments API";
    private const string BearerScheme = "bearer";
    private const string SampleTraceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private const string Introduction = """
        Top up an ipocto balance through Stripe or PayerMax, follow the top-ups, read the balance and its ledger, and help a customer who
        quotes an order number.

        - **Money** is `{ "amount": "20.00", "currency": "USD" }`: exact decimal text, never a floating-point number.
        - **Calls** carry a bearer token from the ipocto console; its `scope` claim says what it may do: `payments:account` (the token's own
          account, `sub`), `payments:support` (order timelines), `payments:admin` (refunds, disputes, reconciliation).
        - **Retries** are safe with an `Idempotency-Key` header on creating a top-up, a refund or a debit: for 24 hours the same key and
          body get the first answer again, status and body byte for byte, with `Idempotent-Replayed: true` — Stripe's rule.
        - **Tracing:** send `X-Correlation-Id` (up to 64 letters, digits, `.`, `_`, `:` or `-`) and it is echoed back and written on every log
          line of the request; without one, the trace id is used.
        """;

    public static void AddPaymentsApiReference(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath is { } path && (path.StartsWith("api/", StringComparison.Ordinal) || path.StartsWith("webhooks/", StringComparison.Ordinal));
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = Title;
                document.Info.Description = $"{Introduction}\n\n{ErrorCodeReference.Markdown()}";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = BearerScheme,
                    BearerFormat = "JWT",
                    Description = "A token from the ipocto console (HMAC-signed JWT); in the sandbox, `POST /demo/token` gives one.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(DescribeOperationAsync);
        });

    public static void MapPaymentsApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        endpoints.MapScalarApiReference("/scalar", options => options
            .WithTitle(Title)
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes(BearerScheme)
            // The page works offline and sends nothing anywhere: no usage telemetry, no AI chat, no hosted tooling.
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools());
    }

    private static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var examples = metadata.OfType<EndpointExamples>().LastOrDefault() ?? new EndpointExamples();
        var problems = examples.Problems.ToList();
        var scopes = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (scopes.Count > 0 && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
            var named = scopes.OfType<string>().ToList();
            operation.Description = $"{operation.Description}\n\nNeeds a bearer token{(named.Count > 0 ? $" with scope `{string.Join("`, `", named)}`" : "")}.".TrimStart();
            problems.Add((StatusCodes.Status401Unauthorized, ProblemCodes.Unauthenticated.Code, "Authentication is required."));
            if (named.Count > 0)
            {
                problems.Add((StatusCodes.Status403Forbidden, ProblemCodes.Forbidden.Code, "This token may not do that."));
            }
        }

        operation.Responses ??= [];
        if (examples.Request is { } request)
        {
            operation.RequestBody ??= new OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType>() };
            MediaType(operation.RequestBody.Content!, "application/json").Example = ToNode(request);
        }

        foreach (var (status, value) in examples.Responses)
        {
            MediaType(Response(operation, status).Content!, "application/json").Example = ToNode(value);
        }

        // Every API endpoint declares problems, so the document always holds this schema.
        var problemSchema = new OpenApiSchemaReference(nameof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.Document);
        foreach (var (status, code, detail) in problems)
        {
            var media = MediaType(Response(operation, status).Content!, "application/problem+json");
            media.Schema ??= problemSchema;
            media.Examples ??= new Dictionary<string, IOpenApiExample>();
            var problem = ApiExceptionHandler.Problem(status, code, detail);
            problem.Extensions["traceId"] = SampleTraceId;
            media.Examples[code] = new OpenApiExample { Summary = Meaning(code), Value = ToNode(problem) };
        }

        return Task.CompletedTask;
    }

    private static IOpenApiResponse Response(OpenApiOperation operation, int status)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.TryGetValue(key, out var response))
        {
            response = new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(status), Content = new Dictionary<string, OpenApiMediaType>() };
            operation.Responses[key] = response;
        }

        return response;
    }

    private static OpenApiMediaType MediaType(IDictionary<string, OpenApiMediaType> content, string type)
    {
        if (!content.TryGetValue(type, out var media))
        {
            media = new OpenApiMediaType();
            content[type] = media;
        }

        return media;
    }

    private static string Meaning(string code) =>
        ProblemCodes.All.FirstOrDefault(p => p.Code == code)?.Meaning ?? PaymentErrors.FromCode(code).Message;

    private static JsonNode? ToNode(object value) => value as JsonNode ?? JsonSerializer.SerializeToNode(value, value.GetType(), JsonSerializerOptions.Web);
}
