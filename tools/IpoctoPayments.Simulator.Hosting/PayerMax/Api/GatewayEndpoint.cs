using System.Text.Json;
using IpoctoPayments.Simulator.Core;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.PayerMax.Api;

/// <summary><c>POST /aggregate-pay/api/gateway/{apiName}</c>: one route, PayerMax's envelope, one handler per apiName.</summary>
internal static class GatewayEndpoint
{
    private const int MaxBodyBytes = 1024 * 1024;

    public static void MapPayerMaxGateway(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/aggregate-pay/api/gateway")
            .WithProviderFaults(ProviderNames.PayerMax, _ => new GatewayReply(
                GatewayCodes.SystemError, "System error, please try again later.", HttpStatus: StatusCodes.Status503ServiceUnavailable))
            .MapPost("/{apiName}", HandleAsync)
            .ExcludeFromDescription();
    }

    private static async Task<GatewayReply> HandleAsync(
        string apiName,
        HttpContext http,
        IEnumerable<IGatewayApi> apis,
        PayerMaxKeys keys,
        IOptions<SimulatorOptions> options,
        TimeProvider clock)
    {
        var api = apis.FirstOrDefault(a => string.Equals(a.Name, apiName, StringComparison.Ordinal));
        if (api is null)
        {
            return GatewayReply.Error(GatewayCodes.ParamsInvalid, $"Unknown apiName '{apiName}'.");
        }

        var body = await ReadBodyAsync(http);
        if (body is null)
        {
            return GatewayReply.Error(GatewayCodes.ParamsInvalid, "The request body is larger than 1 MB.");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var data = GatewayEnvelope.Open(document.RootElement, body, http.Request.Headers["sign"].ToString(), options.Value.PayerMax, keys, clock.GetUtcNow());
            return api.Handle(data, http);
        }
        catch (JsonException)
        {
            return GatewayReply.Error(GatewayCodes.ParamsInvalid, "The request body is not valid JSON.");
        }
        catch (GatewayRejection rejection)
        {
            return rejection.ToReply();
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
