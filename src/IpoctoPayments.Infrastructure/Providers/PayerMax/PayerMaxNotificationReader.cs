using System.Globalization;
using System.Text.Json;
using IpoctoPayments.Application.TopUps.ApplyProviderEvent;
using IpoctoPayments.Application.Webhooks;
using IpoctoPayments.Domain.Common;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Providers.PayerMax;

/// <summary>
/// Verifies a PayerMax notification's RSA signature over the exact body and reads it. PayerMax sends no event id, so
/// one is made of what the notification is about and the state it reports: a redelivery repeats it, a new state does not.
/// </summary>
internal sealed class PayerMaxNotificationReader(PayerMaxSignature signature, IOptions<PayerMaxOptions> options, TimeProvider clock) : IProviderEventReader
{
    public PaymentProvider Provider => PaymentProvider.PayerMax;

    public ProviderEvent Read(byte[] payload, string? sign)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (string.IsNullOrWhiteSpace(sign))
        {
            throw new InvalidWebhookException("signature_missing", "The sign header is missing.");
        }

        bool verified;
        try
        {
            verified = signature.Verify(payload, sign);
        }
        catch (PayerMaxNotConfiguredException exception)
        {
            throw new InvalidWebhookException("provider_not_configured", "PayerMax is not configured on this deployment.", exception);
        }

        if (!verified)
        {
            throw new InvalidWebhookException("invalid_signature", "The PayerMax notification's signature does not verify.");
        }

        PayerMaxNotification notification;
        try
        {
            notification = JsonSerializer.Deserialize<PayerMaxNotification>(payload, PayerMaxClient.Json)
                ?? throw new InvalidWebhookException("malformed_event", "The body is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidWebhookException("malformed_event", "The body is not a PayerMax notification.", exception);
        }

        // PayerMax's chargeback notification documents appId but not merchantNo: a merchant number is checked where sent.
        if (notification.AppId != options.Value.AppId || (notification.MerchantNo is { } merchant && merchant != options.Value.MerchantNo))
        {
            throw new InvalidWebhookException("wrong_merchant", "The notification is for another PayerMax merchant or app.");
        }

        // A chargeback is told apart by its case id, the one field PayerMax documents for it on every notification.
        if (Text(notification.Data, "caseId") is { } caseId)
        {
            return Chargeback(notification, caseId);
        }

        return notification.NotifyType switch
        {
            "PAYMENT" => Payment(notification),
            "REFUND" => Refund(notification),
            _ => new ProviderEvent(Provider, $"{notification.NotifyType}:{notification.NotifyTime}", notification.NotifyType ?? "UNKNOWN", ProviderEventKind.NotRelevant, clock.GetUtcNow()),
        };
    }

    private ProviderEvent Payment(PayerMaxNotification notification)
    {
        var outTradeNo = Text(notification.Data, "outTradeNo");
        var status = Text(notification.Data, "status");
        var kind = status switch
        {
            "SUCCESS" => ProviderEventKind.Paid,
            "FAILED" => ProviderEventKind.Failed,
            "CLOSED" => ProviderEventKind.Expired,
            "PENDING" => ProviderEventKind.Processing,
            _ => ProviderEventKind.NotRelevant,
        };
        return new ProviderEvent(Provider, $"PAYMENT:{outTradeNo}:{status}", $"PAYMENT.{status}", kind, clock.GetUtcNow())
        {
            OrderId = IdOf(outTradeNo),
            SessionId = outTradeNo,
            ProviderCode = kind == ProviderEventKind.Failed ? notification.Code : null,
            ProviderMessage = kind == ProviderEventKind.Failed ? notification.Msg : null,
        };
    }

    private ProviderEvent Refund(PayerMaxNotification notification)
    {
        var outRefundNo = Text(notification.Data, "outRefundNo");
        var status = Text(notification.Data, "status");
        var kind = status switch
        {
            "REFUND_SUCCESS" => ProviderEventKind.RefundSucceeded,
            "REFUND_FAILED" => ProviderEventKind.RefundFailed,
            "REFUND_PENDING" => ProviderEventKind.RefundPending,
            _ => ProviderEventKind.NotRelevant,
        };
        return new ProviderEvent(Provider, $"REFUND:{outRefundNo}:{status}", $"REFUND.{status}", kind, clock.GetUtcNow())
        {
            OrderId = IdOf(Text(notification.Data, "outTradeNo")),
            RefundId = IdOf(outRefundNo),
            ProviderRefundId = Text(notification.Data, "refundTradeNo"),
            ProviderCode = kind == ProviderEventKind.RefundFailed ? notification.Code : null,
        };
    }

    /// <summary>A chargeback case as it stands now; each status and result is an event of its own.</summary>
    private ProviderEvent Chargeback(PayerMaxNotification notification, string caseId)
    {
        var status = Text(notification.Data, "status");
        var result = Text(notification.Data, "caseResult");
        var report = PayerMaxChargebacks.Report(caseId, status, result, Text(notification.Data, "amount"), Text(notification.Data, "currency"),
            Text(notification.Data, "chargebackReason"), Text(notification.Data, "expirationDate"));
        var at = DateTimeOffset.TryParse(notification.NotifyTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent) ? sent : clock.GetUtcNow();
        return new ProviderEvent(Provider, $"CHARGEBACK:{caseId}:{status}:{result}", $"CHARGEBACK.{status}", report is null ? ProviderEventKind.NotRelevant : ProviderEventKind.Dispute, at)
        {
            OrderId = IdOf(Text(notification.Data, "outTradeNo")),
            Dispute = report,
        };
    }

    private static string? Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Guid? IdOf(string? tradeNumber) => Guid.TryParseExact(tradeNumber, "N", out var id) ? id : null;
}
