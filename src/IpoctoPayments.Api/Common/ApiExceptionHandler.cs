using System.Text.Json;
using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Webhooks;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace IpoctoPayments.Api.Common;

/// <summary>Turns every failure into RFC 9457 problem details with a stable <c>code</c>; anything unexpected is a logged 500.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RequestValidationException validation => Validation(validation.Errors),
            AppException app => FromError(app.Error),
            InvalidWebhookException webhook => Problem(StatusCodes.Status400BadRequest, webhook.Code, webhook.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                Problem(StatusCodes.Status413PayloadTooLarge, ProblemCodes.BodyTooLarge.Code, "The request body is larger than this endpoint accepts."),
            BadHttpRequestException or JsonException =>
                Problem(StatusCodes.Status400BadRequest, ProblemCodes.MalformedBody.Code, "The request body is not valid JSON for this endpoint."),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled failure on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, ProblemCodes.InternalError.Code, "Something went wrong on our side; the request was not carried out.");
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is AppException { Error.Kind: ErrorKind.Busy })
        {
            // Providers redeliver a webhook answered 503, and a console retries after this many seconds.
            httpContext.Response.Headers.RetryAfter = "1";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// Gives the problems ASP.NET Core writes itself (an unmatched route, a query value that does not bind, a missing
    /// token) the stable <c>code</c> every other problem carries.
    /// </summary>
    public static void AddMissingCode(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        problem.Extensions["code"] = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ProblemCodes.InvalidParameter.Code,
            StatusCodes.Status401Unauthorized => ProblemCodes.Unauthenticated.Code,
            StatusCodes.Status403Forbidden => ProblemCodes.Forbidden.Code,
            StatusCodes.Status404NotFound => ProblemCodes.NotFound.Code,
            StatusCodes.Status405MethodNotAllowed => ProblemCodes.MethodNotAllowed.Code,
            StatusCodes.Status413PayloadTooLarge => ProblemCodes.BodyTooLarge.Code,
            StatusCodes.Status415UnsupportedMediaType => ProblemCodes.UnsupportedMediaType.Code,
            >= 500 => ProblemCodes.InternalError.Code,
            _ => ProblemCodes.RequestFailed.Code,
        };
    }

    public static ProblemDetails FromError(AppError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var problem = Problem(StatusOf(error.Kind), error.Code, error.Message);
        if (error.Kind == ErrorKind.Busy)
        {
            problem.Title = "The service is busy; try again shortly.";
        }

        if (error.Field is not null)
        {
            problem.Extensions["field"] = error.Field;
        }

        foreach (var (name, value) in error.Extensions ?? new Dictionary<string, object>())
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    public static ProblemDetails Validation(IReadOnlyList<AppError> errors)
    {
        var first = errors[0];
        var problem = Problem(StatusCodes.Status400BadRequest, errors.Count == 1 ? first.Code : ProblemCodes.ValidationFailed.Code, errors.Count == 1 ? first.Message : "Some fields are not valid.");
        problem.Extensions["field"] = first.Field;
        problem.Extensions["errors"] = errors.Select(e => new { field = e.Field, code = e.Code, message = e.Message }).ToList();
        return problem;
    }

    public static ProblemDetails Problem(int status, string code, string detail)
    {
        var problem = new ProblemDetails { Status = status, Title = TitleOf(status), Detail = detail };
        problem.Extensions["code"] = code;
        return problem;
    }

    private static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.ProviderUnavailable or ErrorKind.Busy => StatusCodes.Status503ServiceUnavailable,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string TitleOf(int status) => status switch
    {
        400 => "The request is not valid.",
        401 => "Authentication is required.",
        403 => "This token may not do that.",
        404 => "Not found.",
        409 => "The request conflicts with the current state.",
        413 => "The request body is too large.",
        422 => "The request cannot be carried out.",
        429 => "Too many requests.",
        503 => "The payment provider is unavailable.",
        _ => "Unexpected error.",
    };
}
