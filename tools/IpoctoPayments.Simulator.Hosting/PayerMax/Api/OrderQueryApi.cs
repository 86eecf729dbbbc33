using IpoctoPayments.Simulator.PayerMax.Model;

namespace IpoctoPayments.Simulator.PayerMax.Api;

/// <summary><c>orderQuery</c>: the order's status and, once paid, how it was paid.</summary>
internal sealed class OrderQueryApi(PayerMaxStore store) : IGatewayApi
{
    public string Name => "orderQuery";

    public GatewayReply Handle(RequestData data, HttpContext http) =>
        GatewayReply.Success(PayerMaxWire.QueryData(FindOrder(store, data.Required("outTradeNo", 64))));

    public static PayerMaxOrder FindOrder(PayerMaxStore store, string outTradeNo) =>
        store.Find(outTradeNo) ?? throw new GatewayRejection(GatewayCodes.OrderNotExist, $"Order {outTradeNo} does not exist.");
}
