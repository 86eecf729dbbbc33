using System.Globalization;
using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.PayerMax.Catalogue;
using IpoctoPayments.Simulator.PayerMax.Engine;
using IpoctoPayments.Simulator.PayerMax.Model;

namespace IpoctoPayments.Simulator.PayerMax.Api;

/// <summary><c>refund</c>: accepts a refund of a paid order (answer <c>REFUND_PENDING</c>); the outcome follows on the clock.</summary>
internal sealed class RefundApi(PayerMaxStore store, RefundEngine refunds, SimulatorIds ids, TimeProvider clock) : IGatewayApi
{
    /// <summary>PayerMax refuses refunds of orders older than this.</summary>
    public static readonly TimeSpan RefundWindow = TimeSpan.FromDays(180);

    public string Name => "refund";

    public GatewayReply Handle(RequestData data, HttpContext http)
    {
        var outRefundNo = data.Required("outRefundNo", 64);
        var amount = data.RequiredValue("refundAmount");
        var currency = data.Required("refundCurrency", 3);
        var order = FindOrder(data);
        var notifyUrl = data.Optional("refundNotifyUrl", 256);
        if (notifyUrl is not null && !RequestData.IsWebUrl(notifyUrl))
        {
            throw new GatewayRejection(GatewayCodes.ParamsInvalid, "refundNotifyUrl must start with http:// or https://.");
        }

        if (currency != order.Currency)
        {
            throw new GatewayRejection(GatewayCodes.ParamsInvalid, $"refundCurrency must be the order's currency {order.Currency}.");
        }

        if (!PayerMaxMoney.TryParseMinor(amount, currency, out var amountMinor))
        {
            throw new GatewayRejection(GatewayCodes.AmountInvalid,
                $"refundAmount must be a positive amount with at most {PayerMaxMoney.Decimals(currency)} decimals for {currency}.");
        }

        var now = clock.GetUtcNow();
        if (!order.Request.Country.RefundsSupported)
        {
            throw new GatewayRejection(GatewayCodes.RefundFailed, $"Refunds are not supported in {order.Request.Country.Code}.");
        }

        if (order.CompleteTime is { } paidAt && now - paidAt > RefundWindow)
        {
            throw new GatewayRejection(GatewayCodes.RefundFailed, "Orders older than 180 days cannot be refunded.");
        }

        var refundTradeNo = ids.NextDigits(now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "TI", 12);
        var refund = new PayerMaxRefund(outRefundNo, refundTradeNo, order, amountMinor, data.Optional("comments", 512), notifyUrl, now);
        if (store.TryAddRefund(refund) is { } rejection)
        {
            throw new GatewayRejection(rejection.Duplicate ? GatewayCodes.ParamsInvalid : GatewayCodes.RefundFailed, rejection.Message + ".");
        }

        refunds.Schedule(refund);
        return GatewayReply.Success(new JsonObject
        {
            ["outRefundNo"] = refund.OutRefundNo,
            ["tradeOrderNo"] = order.TradeToken,
            ["refundTradeNo"] = refund.RefundTradeNo,
            ["status"] = refund.Status,
        });
    }

    private PayerMaxOrder FindOrder(RequestData data)
    {
        if (data.Optional("outTradeNo", 64) is { } outTradeNo)
        {
            return OrderQueryApi.FindOrder(store, outTradeNo);
        }

        var tradeToken = data.Optional("tradeToken", 64)
            ?? throw new GatewayRejection(GatewayCodes.ParamsInvalid, "outTradeNo or tradeToken is required.");
        return store.FindByTradeToken(tradeToken)
            ?? throw new GatewayRejection(GatewayCodes.OrderNotExist, $"Order with tradeToken {tradeToken} does not exist.");
    }
}
