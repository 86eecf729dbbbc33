namespace IpoctoPayments.Simulator.PayerMax.Gateway;

/// <summary>Stops handling a gateway call with a PayerMax error code; the gateway answers it as a <see cref="GatewayReply"/>.</summary>
internal sealed class GatewayRejection : Exception
{
    public GatewayRejection()
        : this(GatewayCodes.ParamsInvalid, "Invalid request.")
    {
    }

    public GatewayRejection(string message)
        : this(GatewayCodes.ParamsInvalid, message)
    {
    }

    public GatewayRejection(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = GatewayCodes.ParamsInvalid;
    }

    public GatewayRejection(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }

    public GatewayReply ToReply() => GatewayReply.Error(Code, Message);
}
