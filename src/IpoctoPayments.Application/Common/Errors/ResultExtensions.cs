using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Application.Common.Errors;

/// <summary>The one way a use case turns the domain's refusal into the caller's error.</summary>
public static class ResultExtensions
{
    /// <summary>The value, or the domain's error as an <see cref="AppException"/> of <paramref name="kind"/>, about <paramref name="field"/> when given.</summary>
    public static T OrThrow<T>(this Result<T> result, ErrorKind kind, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsSuccess ? result.Value : throw new AppException(new AppError(kind, result.Error!.Code, result.Error.Message, field));
    }
}
