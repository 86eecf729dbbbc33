namespace IpoctoPayments.Simulator.PayerMax.Api;

/// <summary>One <c>apiName</c> of the gateway, called once the envelope and signature are checked.</summary>
internal interface IGatewayApi
{
    string Name { get; }

    GatewayReply Handle(RequestData data, HttpContext http);
}
