using System.Text.Json;
using IpoctoPayments.Application.Common.Errors;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Api.Common;

/// <summary>Reads request bodies with a size limit, so an oversized or malformed body is a clear 4xx before any work starts.</summary>
internal static class RequestBody
{
    public const int JsonLimitBytes = 64 * 1024;

    public static async Task<byte[]> ReadBytesAsync(this HttpRequest request, int limitBytes)
    {
        if (request.ContentLength > limitBytes)
        {
            throw TooLarge(limitBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limitBytes)
            {
                throw TooLarge(limitBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    public static async Task<T> ReadJsonAsync<T>(this HttpRequest request)
        where T : class
    {
        var bytes = await request.ReadBytesAsync(JsonLimitBytes);
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, options)
                ?? throw AppException.Invalid(ProblemCodes.MalformedBody.Code, "The request body is empty; send a JSON object.");
        }
        catch (JsonException exception)
        {
            var where = exception.Path is { Length: > 1 } path ? $" at {path}" : "";
            var field = exception.Path?.TrimStart('$', '.');
            throw AppException.Invalid(ProblemCodes.MalformedBody.Code, $"The request body is not valid JSON for this endpoint{where}.", string.IsNullOrEmpty(field) ? null : field);
        }
    }

    private static AppException TooLarge(int limitBytes) =>
        new(new AppError(ErrorKind.TooLarge, ProblemCodes.BodyTooLarge.Code, $"The request body is larger than {limitBytes / 1024} KB."));
}
