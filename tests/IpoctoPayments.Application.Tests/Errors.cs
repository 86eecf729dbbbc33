using IpoctoPayments.Application.Common.Errors;

namespace IpoctoPayments.Application.Tests;

/// <summary>What a console user reads from a refused request: the code, the field, the kind (its HTTP status).</summary>
internal static class Errors
{
    public static async Task<AppError> Refused(Func<Task> send)
    {
        var exception = await Assert.ThrowsAsync<AppException>(send);
        return exception.Error;
    }

    public static async Task<AppError> Invalid(Func<Task> send)
    {
        var exception = await Assert.ThrowsAsync<RequestValidationException>(send);
        return Assert.Single(exception.Errors);
    }
}
