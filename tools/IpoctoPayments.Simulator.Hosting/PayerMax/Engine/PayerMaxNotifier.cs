using System.Text.Json;
using System.Text.Json.Nodes;
using IpoctoPayments.Simulator.Core;
using IpoctoPayments.Simulator.PayerMax.Model;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Simulator.PayerMax.Engine;

/// <summary>Sends PAYMENT, REFUND and chargeback notifications, signed with the simulator's key and redelivered on PayerMax's schedule.</summary>
internal sealed class PayerMaxNotifier(WebhookOutbox outbox, WebhookListeners listeners, PayerMaxKeys keys, IOptions<SimulatorOptions> options, TimeProvider clock)
{
    /// <summary>Waits between attempts: PayerMax sends at 0 s, then after 30 s, 5 min, 10 min, 1 h and 12 h.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetrySchedule =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(12),
    ];

    /// <summary>The simulator's <c>notifyType</c> for chargebacks; PayerMax's page for them names none (docs/simulator.md).</summary>
    public const string ChargebackNotifyType = "CHARGEBACK";

    public void PaymentChanged(PayerMaxOrder order)
    {
        var url = order.Request.NotifyUrl ?? options.Value.PayerMax.NotifyUrl;
        var paid = order.Status == PaymentStatus.Success;
        Send(url, "PAYMENT", $"{order.OutTradeNo}:{order.Status}", [order.OutTradeNo],
            paid ? GatewayCodes.ApplySuccess : order.ResultCode ?? GatewayCodes.PaymentFailed,
            paid ? GatewayCodes.SuccessMsg : order.ResultMsg ?? "",
            PayerMaxWire.PaymentData(order));
    }

    public void RefundSettled(PayerMaxRefund refund)
    {
        var url = refund.NotifyUrl ?? options.Value.PayerMax.RefundNotifyUrl;
        var succeeded = refund.Status == RefundStatus.Success;
        Send(url, "REFUND", $"{refund.OutRefundNo}:{refund.Status}", [refund.Order.OutTradeNo, refund.OutRefundNo],
            succeeded ? GatewayCodes.ApplySuccess : GatewayCodes.RefundFailed,
            succeeded ? GatewayCodes.SuccessMsg : refund.ResultMsg ?? "",
            PayerMaxWire.RefundData(refund));
    }

    /// <summary>
    /// A chargeback case at <paramref name="status"/>. PayerMax sends these to the address configured for them in
    /// its portal; here <see cref="PayerMaxSimulatorOptions.ChargebackNotifyUrl"/>, else the payment notifications'.
    /// </summary>
    public void ChargebackChanged(PayerMaxChargeback chargeback, string status)
    {
        var payerMax = options.Value.PayerMax;
        var url = payerMax.ChargebackNotifyUrl ?? payerMax.NotifyUrl ?? chargeback.Order.Request.NotifyUrl;
        Send(url, ChargebackNotifyType, $"{chargeback.CaseId}:{status}", [chargeback.Order.OutTradeNo, chargeback.CaseId],
            GatewayCodes.ApplySuccess, GatewayCodes.SuccessMsg, PayerMaxWire.ChargebackNotifyData(chargeback, status));
    }

    // With no address on the order and none configured, PayerMax cannot notify: only listeners get a copy.
    private void Send(string? url, string notifyType, string eventId, IReadOnlyList<string> targets, string code, string msg, JsonObject data)
    {
        var destinations = listeners.For(ProviderNames.PayerMax, notifyType).Select(l => (Url: l.ForwardTo, ListenerId: (string?)l.Id)).ToList();
        if (!string.IsNullOrWhiteSpace(url))
        {
            destinations.Insert(0, (url, null));
        }

        if (destinations.Count == 0)
        {
            return;
        }

        var payerMax = options.Value.PayerMax;
        var payload = new JsonObject
        {
            ["code"] = code,
            ["msg"] = msg,
            ["keyVersion"] = "1",
            ["appId"] = payerMax.AppId,
            ["merchantNo"] = payerMax.MerchantNo,
            ["notifyTime"] = PayerMaxWire.Timestamp(clock.GetUtcNow()),
            ["notifyType"] = notifyType,
            ["data"] = data,
        }.ToJsonString(PayerMaxWire.Json);
        foreach (var (destination, listenerId) in destinations)
        {
            outbox.Enqueue(new OutgoingWebhook
            {
                Provider = ProviderNames.PayerMax,
                EventId = eventId,
                EventType = notifyType,
                Url = destination,
                Payload = payload,
                Sign = (body, _) => [new KeyValuePair<string, string>("sign", keys.Sign(body))],
                IsAcknowledged = IsAcknowledged,
                RetrySchedule = RetrySchedule,
                TargetKeys = targets,
                ListenerId = listenerId,
            });
        }
    }

    /// <summary>Only <c>{"code":"SUCCESS"}</c> counts as received, whatever the HTTP status says.</summary>
    private static bool IsAcknowledged(int status, string body)
    {
        if (status is < 200 or > 299)
        {
            return false;
        }

        try
        {
            using var answer = JsonDocument.Parse(body);
            return answer.RootElement.ValueKind == JsonValueKind.Object
                && answer.RootElement.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String
                && code.GetString() == "SUCCESS";
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
