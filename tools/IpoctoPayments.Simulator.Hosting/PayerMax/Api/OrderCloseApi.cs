using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.PayerMax.Engine;
using IpoctoPayments.Simulator.PayerMax.Model;

namespace IpoctoPayments.Simulator.PayerMax.Api;

/// <summary><c>orderClose</c>: closes an unpaid order; a closed one answers <c>ORDER_CLOSED</c>, a paid or failed one cannot be closed.</summary>
internal sealed class OrderCloseApi(PayerMaxStore store, PaymentEngine engine) : IGatewayApi
{
    public string Name => "orderClose";

    public GatewayReply Handle(RequestData data, HttpContext http)
    {
        var order = OrderQueryApi.FindOrder(store, data.Required("outTradeNo", 64));
        var reason = data.Optional("reason", 256);
        if (!engine.Close(order, reason ?? "Closed by the merchant."))
        {
            throw order.Status == PaymentStatus.Closed
                ? new GatewayRejection(GatewayCodes.OrderClosed, $"Order {order.OutTradeNo} is already closed.")
                : new GatewayRejection(GatewayCodes.ParamsInvalid, $"Order {order.OutTradeNo} is {order.Status} and cannot be closed.");
        }

        return GatewayReply.Success(new JsonObject
        {
            ["outTradeNo"] = order.OutTradeNo,
            ["tradeToken"] = order.TradeToken,
            ["status"] = order.Status,
            ["closedTime"] = PayerMaxWire.UtcTime(order.CompleteTime!.Value),
        });
    }
}
