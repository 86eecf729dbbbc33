using FluentValidation.Results;

namespace IpoctoPayments.Application.Common.Errors;

/// <summary>What kind of failure an error is; the API turns it into an HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>The request is malformed or a value is out of range (400).</summary>
    Invalid,

    /// <summary>The thing asked for does not exist, or belongs to someone else (404).</summary>
    NotFound,

    /// <summary>The request clashes with the current state (409).</summary>
    Conflict,

    /// <summary>Well-formed, but cannot be carried out as asked (422).</summary>
    Unprocessable,

    /// <summary>The payment provider could not be reached or failed (503).</summary>
    ProviderUnavailable,

    /// <summary>The request body is larger than the endpoint accepts (413).</summary>
    TooLarge,

    /// <summary>
    /// The service cannot carry the request out just now — other writers kept changing the same rows, or the database
    /// did not answer; nothing was written, and the same request may be sent again shortly (503, Retry-After).
    /// </summary>
    Busy,
}

/// <summary>A failure a caller can act on: a stable code, a message, and the field it is about, if any.</summary>
public sealed record AppError(ErrorKind Kind, string Code, string Message, string? Field = null)
{
    /// <summary>Values the caller can act on beyond the message (what is left of a limit, say), as members of the problem.</summary>
    public IReadOnlyDictionary<string, object>? Extensions { get; init; }
}

/// <summary>Raised by a use case to stop with an <see cref="AppError"/>; nothing it did is committed.</summary>
public sealed class AppException(AppError error) : Exception(error.Message)
{
    public AppError Error { get; } = error;

    public static AppException NotFound(string code, string message) => new(new AppError(ErrorKind.NotFound, code, message));

    public static AppException Invalid(string code, string message, string? field = null) => new(new AppError(ErrorKind.Invalid, code, message, field));

    public static AppException Conflict(string code, string message) => new(new AppError(ErrorKind.Conflict, code, message));

    public static AppException Unprocessable(string code, string message, string? field = null) => new(new AppError(ErrorKind.Unprocessable, code, message, field));
}

/// <summary>Input that failed validation: every failed rule with its field and code.</summary>
public sealed class RequestValidationException(IReadOnlyList<AppError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<AppError> Errors { get; } = errors;

    /// <summary>Stops the request with every failed rule, each about its field as the API's JSON names it (camelCase, dotted paths).</summary>
    public static void ThrowIfAny(IReadOnlyCollection<ValidationFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count > 0)
        {
            throw new RequestValidationException([.. failures.Select(f => new AppError(ErrorKind.Invalid, f.ErrorCode, f.ErrorMessage, ToFieldName(f.PropertyName)))]);
        }
    }

    private static string ToFieldName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
