namespace IpoctoPayments.Simulator.PayerMax.Api;

/// <summary>Stops handling a gateway call with a PayerMax error code; the gateway answers it as a <see cref="GatewayReply"/>.</summary>
internal sealed class GatewayRejection : Exception
{
    public GatewayRejection(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }

    public GatewayReply ToReply() => GatewayReply.Error(Code, Message);
}
