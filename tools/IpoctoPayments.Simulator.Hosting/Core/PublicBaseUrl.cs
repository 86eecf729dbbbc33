namespace IpoctoPayments.Simulator.Core;

internal static class PublicBaseUrl
{
    /// <summary>The configured public address, else the one the request came in on: hosted-page URLs start with it.</summary>
    public static string Of(HttpRequest request, SimulatorOptions options) =>
        options.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
