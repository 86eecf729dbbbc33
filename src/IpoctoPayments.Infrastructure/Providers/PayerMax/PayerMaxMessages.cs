using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IpoctoPayments.Infrastructure.Providers.PayerMax;

/// <summary>An amount in major units as PayerMax writes it: a JSON number, carried as its exact text (no binary floating point).</summary>
[JsonConverter(typeof(PayerMaxAmountConverter))]
internal readonly record struct PayerMaxAmount(string Text)
{
    public override string ToString() => Text;
}

internal sealed class PayerMaxAmountConverter : JsonConverter<PayerMaxAmount>
{
    public override PayerMaxAmount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => new PayerMaxAmount(Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan)),
        JsonTokenType.String => new PayerMaxAmount(reader.GetString()!),
        _ => throw new JsonException("An amount must be a number."),
    };

    public override void Write(Utf8JsonWriter writer, PayerMaxAmount value, JsonSerializerOptions options) => writer.WriteRawValue(value.Text);
}

internal sealed record PayerMaxEnvelope<TData>(string Version, string KeyVersion, string RequestTime, string AppId, string MerchantNo, TData Data);

internal sealed record PayerMaxResponse<TData>(string Code, string? Msg, TData? Data)
    where TData : class
{
    public bool IsAccepted => Code == "APPLY_SUCCESS";
}

internal sealed record PaymentDetail(string? PaymentMethodType, string? TargetOrg);

internal sealed record OrderAndPayData(
    string OutTradeNo,
    string Subject,
    PayerMaxAmount TotalAmount,
    string Currency,
    string Country,
    string UserId,
    string FrontCallbackUrl,
    string NotifyUrl,
    string ExpireTime,
    string Reference,
    PaymentDetail? PaymentDetail,
    string Integrate = "Hosted_Checkout",
    string Language = "en");

internal sealed record OrderAndPayResult(string? RedirectUrl, string? OutTradeNo, string? TradeToken, string? Status);

internal sealed record OrderQueryData(string OutTradeNo);

internal sealed record PaymentDetailResult(string? PaymentMethodType, string? TargetOrg, JsonElement? CardInfo);

internal sealed record OrderQueryResult(
    string? OutTradeNo,
    string? TradeToken,
    string? Status,
    PayerMaxAmount? TotalAmount,
    string? Currency,
    string? ResultCode,
    string? ResultMsg,
    IReadOnlyList<PaymentDetailResult>? PaymentDetails);

internal sealed record RefundData(string OutRefundNo, string OutTradeNo, PayerMaxAmount RefundAmount, string RefundCurrency, string Comments, string RefundNotifyUrl);

internal sealed record RefundResult(string? OutRefundNo, string? RefundTradeNo, string? Status);

internal sealed record RefundQueryData(string OutRefundNo);

internal sealed record RefundQueryResult(string? OutRefundNo, string? RefundTradeNo, string? OutTradeNo, PayerMaxAmount? RefundAmount, string? RefundCurrency, string? Status);

/// <summary>A PAYMENT or REFUND notification as PayerMax posts it.</summary>
internal sealed record CaseSearchData(string CaseId);

/// <summary>A chargeback case; amounts are strings at the currency's PayerMax precision.</summary>
internal sealed record CaseSearchResult(string CaseId, string? OutTradeNo, string? Amount, string? Currency, string? Status, string? CaseResult, string? ExpirationDate);

internal sealed record PayerMaxNotification(string? Code, string? Msg, string? AppId, string? MerchantNo, string? NotifyTime, string? NotifyType, JsonElement Data);

/// <summary>PayerMax's gateway could not be reached, timed out, or answered something that cannot be trusted.</summary>
internal sealed class PayerMaxUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
