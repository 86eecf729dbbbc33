using System.Text;
using System.Text.Json.Nodes;

namespace IpoctoPayments.Simulator.PayerMax.Api;

/// <summary>
/// PayerMax's answer envelope <c>{code, msg, data}</c>, written byte for byte as signed in the <c>sign</c> header.
/// Business errors are HTTP 200 with an error code, as PayerMax answers them.
/// </summary>
internal sealed record GatewayReply(string Code, string Msg, JsonObject? Data = null, int HttpStatus = StatusCodes.Status200OK) : IResult
{
    public static GatewayReply Success(JsonObject data) => new(GatewayCodes.ApplySuccess, GatewayCodes.SuccessMsg, data);

    public static GatewayReply Error(string code, string msg) => new(code, msg);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var envelope = new JsonObject { ["code"] = Code, ["msg"] = Msg };
        if (Data is not null)
        {
            envelope["data"] = Data;
        }

        var body = envelope.ToJsonString(PayerMaxWire.Json);
        var keys = httpContext.RequestServices.GetRequiredService<PayerMaxKeys>();
        var response = httpContext.Response;
        response.StatusCode = HttpStatus;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers["sign"] = keys.Sign(body);
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), httpContext.RequestAborted);
    }
}
