using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.PayerMax.Catalogue;
using IpoctoPayments.Simulator.PayerMax.Model;

namespace IpoctoPayments.Simulator.PayerMax;

/// <summary>PayerMax's JSON: timestamps, amounts in major units, and the order, refund and chargeback objects its answers and notifications share.</summary>
internal static class PayerMaxWire
{
    /// <summary>URLs stay readable (<c>&amp;</c> unescaped); these are API bodies, never HTML.</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>yyyy-MM-dd'T'HH:mm:ss.SSSXXX</c>, as <c>requestTime</c> and <c>notifyTime</c>.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    /// <summary>UTC with a <c>Z</c>, as <c>completeTime</c>, <c>confirmPayTime</c>, <c>closedTime</c> and <c>refundFinishTime</c>.</summary>
    public static string UtcTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// A JSON number at the currency's PayerMax precision: a whole number with no decimal point for IDR, TWD, JPY and the
    /// other whole-unit currencies (typed clients read those as integers), otherwise at most two decimals.
    /// </summary>
    public static JsonNode Amount(long minor, string currency) => PayerMaxMoney.Decimals(currency) == 0
        ? JsonValue.Create(minor)
        : JsonValue.Create(PayerMaxMoney.ToMajor(minor, currency));

    /// <summary>
    /// A string at the currency's PayerMax precision (<c>"15.00"</c>, <c>"5000"</c> for IDR), as the chargeback
    /// notification and <c>caseSearch</c> write amounts.
    /// </summary>
    public static string AmountText(long minor, string currency) =>
        PayerMaxMoney.ToMajor(minor, currency).ToString(PayerMaxMoney.Decimals(currency) == 0 ? "0" : "0.00", CultureInfo.InvariantCulture);

    /// <summary>The order as the PAYMENT notification's <c>data</c> carries it.</summary>
    public static JsonObject PaymentData(PayerMaxOrder order)
    {
        var data = new JsonObject
        {
            ["outTradeNo"] = order.OutTradeNo,
            ["tradeToken"] = order.TradeToken,
            ["totalAmount"] = Amount(order.AmountMinor, order.Currency),
            ["currency"] = order.Currency,
            ["country"] = order.Request.Country.Code,
            ["status"] = order.Status,
        };
        if (order.CompleteTime is { } completed)
        {
            data["completeTime"] = UtcTime(completed);
        }

        data["paymentDetails"] = PaymentDetails(order);
        AddIfSet(data, "reference", order.Request.Reference);
        data["channelNo"] = order.ChannelNo;
        return data;
    }

    /// <summary>The order as <c>orderQuery</c> answers it: the notification's fields and the query-only ones.</summary>
    public static JsonObject QueryData(PayerMaxOrder order)
    {
        var data = PaymentData(order);
        data["resultMsg"] = order.ResultMsg ?? "";
        AddIfSet(data, "resultCode", order.ResultCode);
        data["createTime"] = UtcTime(order.CreatedAt);
        data["cashierCountry"] = order.Request.Country.Code;
        AddSettlement(data, order);
        return data;
    }

    public static JsonObject RefundData(PayerMaxRefund refund)
    {
        var data = new JsonObject
        {
            ["outRefundNo"] = refund.OutRefundNo,
            ["refundTradeNo"] = refund.RefundTradeNo,
            ["outTradeNo"] = refund.Order.OutTradeNo,
            ["refundAmount"] = Amount(refund.AmountMinor, refund.Currency),
            ["refundCurrency"] = refund.Currency,
            ["status"] = refund.Status,
        };

        // Null while the refund is pending: the field is always there, the time only once it settled.
        data["refundFinishTime"] = refund.FinishTime is { } finished ? UtcTime(finished) : null;
        return data;
    }

    /// <summary>
    /// The case as the chargeback notification's <c>data</c> carries it, at <paramref name="status"/>: a decision is
    /// told twice, <c>DISPUTE_END</c> then <c>CASE_CLOSED</c>, while the case itself is already closed.
    /// </summary>
    public static JsonObject ChargebackNotifyData(PayerMaxChargeback chargeback, string status)
    {
        var order = chargeback.Order;
        var data = ChargebackData(chargeback);
        data["status"] = status;
        data["channelOrderNo"] = order.ChannelNo;
        data["payFinishTime"] = order.CompleteTime is { } paidAt ? Timestamp(paidAt) : null;
        data["paymentMethodType"] = order.Payment?.PaymentMethodType;
        data["targetOrg"] = order.Payment?.TargetOrg;
        data["cardOrg"] = order.Payment?.CardInfo?.CardOrg;
        data["productDesc"] = order.Request.Subject;

        // Not PayerMax's: the reason the case was opened with, so a test can see it arrived.
        data["chargebackReason"] = chargeback.Reason;
        return data;
    }

    /// <summary>The case as <c>caseSearch</c> answers it.</summary>
    public static JsonObject CaseSearchData(PayerMaxChargeback chargeback)
    {
        var order = chargeback.Order;
        var data = ChargebackData(chargeback);
        data["originTradeAmount"] = AmountText(order.AmountMinor, order.Currency);
        data["tradeCreateTime"] = Timestamp(order.CreatedAt);
        return data;
    }

    /// <summary>What the notification and the query share. The simulator charges no chargeback fee.</summary>
    private static JsonObject ChargebackData(PayerMaxChargeback chargeback)
    {
        var order = chargeback.Order;
        var amount = AmountText(chargeback.AmountMinor, chargeback.Currency);
        return new JsonObject
        {
            ["caseId"] = chargeback.CaseId,
            ["batchId"] = null,
            ["outTradeNo"] = order.OutTradeNo,
            ["tradeToken"] = order.TradeToken,
            ["outUserId"] = order.Request.UserId,
            ["amount"] = amount,
            ["currency"] = chargeback.Currency,
            ["fee"] = AmountText(0, chargeback.Currency),
            ["totalAmount"] = amount,
            ["status"] = chargeback.Status,
            ["caseResult"] = chargeback.Result,
            ["retrievalDate"] = Day(chargeback.OpenedAt),
            ["expirationDate"] = chargeback.ExpirationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    /// <summary><c>yyyy-MM-dd</c> in UTC, as <c>retrievalDate</c> and <c>expirationDate</c>.</summary>
    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Only a paid order says how it was paid; a failed one answers an empty list.
    private static JsonArray PaymentDetails(PayerMaxOrder order)
    {
        if (order.Status != PaymentStatus.Success || order.Payment is not { } payment)
        {
            return [];
        }

        var detail = new JsonObject { ["paymentMethodType"] = payment.PaymentMethodType };
        AddIfSet(detail, "targetOrg", payment.TargetOrg);
        if (payment.CardInfo is { } card)
        {
            detail["cardInfo"] = new JsonObject
            {
                ["cardOrg"] = card.CardOrg,
                ["country"] = card.Country,
                ["cardLast4"] = card.CardLast4,
                ["cardIdentifierNo"] = "************" + card.CardLast4,
            };
        }

        detail["payAmount"] = Amount(order.AmountMinor, order.Currency);
        detail["payCurrency"] = order.Currency;

        // The payer always pays in the order's currency here, so the rate is one.
        detail["exchangeRate"] = "1";
        return [detail];
    }

    /// <summary>
    /// What only a paid order has: its fees, the channel's own number, the code the payer paid with and when the
    /// channel confirmed it. An unpaid order leaves them out, as it leaves out <c>paymentDetails</c>' entries.
    /// </summary>
    private static void AddSettlement(JsonObject data, PayerMaxOrder order)
    {
        if (order.Status != PaymentStatus.Success || order.CompleteTime is not { } paidAt)
        {
            return;
        }

        // The simulator charges no fees, so the merchant fee is zero in the order's currency.
        data["fees"] = new JsonObject
        {
            ["merFee"] = new JsonObject { ["amount"] = Amount(0, order.Currency), ["currency"] = order.Currency },
        };

        // The channel's and the payer's references are derived from the order's own numbers so they stay reproducible.
        data["thirdChannelNo"] = order.ChannelNo[4..];
        data["paymentCode"] = order.TradeToken[^14..];
        data["confirmPayTime"] = UtcTime(paidAt);
    }

    private static void AddIfSet(JsonObject target, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            target[name] = value;
        }
    }
}
