using IpoctoPayments.Simulator.PayerMax.Model;

namespace IpoctoPayments.Simulator.PayerMax.Api;

/// <summary><c>refundQuery</c> by <c>outRefundNo</c> or <c>refundTradeNo</c>.</summary>
internal sealed class RefundQueryApi(PayerMaxStore store) : IGatewayApi
{
    public string Name => "refundQuery";

    public GatewayReply Handle(RequestData data, HttpContext http)
    {
        var outRefundNo = data.Optional("outRefundNo", 64);
        var refundTradeNo = data.Optional("refundTradeNo", 64);
        var refund = (outRefundNo, refundTradeNo) switch
        {
            ({ } no, _) => store.FindRefund(no),
            (null, { } tradeNo) => store.FindRefundByTradeNo(tradeNo),
            _ => throw new GatewayRejection(GatewayCodes.ParamsInvalid, "outRefundNo or refundTradeNo is required."),
        } ?? throw new GatewayRejection(GatewayCodes.OrderNotExist, $"Refund {outRefundNo ?? refundTradeNo} does not exist.");

        var answer = PayerMaxWire.RefundData(refund);
        answer["resultMsg"] = refund.ResultMsg ?? "";
        return GatewayReply.Success(answer);
    }
}
