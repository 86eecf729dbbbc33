using System.Globalization;
using System.Text.Json;
using IpoctoPayments.Simulator.Core;

namespace IpoctoPayments.Simulator.PayerMax.Api;

/// <summary>
/// Checks PayerMax's request envelope: the app and merchant, the <c>sign</c> header over the exact body bytes,
/// <c>version</c>, <c>keyVersion</c> and a <c>requestTime</c> within two minutes of the simulator's clock.
/// </summary>
internal static class GatewayEnvelope
{
    public static readonly TimeSpan RequestTimeWindow = TimeSpan.FromMinutes(2);

    // Java's SSSXXX writes "Z" for UTC and "+08:00" otherwise.
    private static readonly string[] RequestTimeFormats = ["yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"];

    /// <summary>Returns the request's <c>data</c>, or throws the error PayerMax answers.</summary>
    public static RequestData Open(JsonElement root, ReadOnlySpan<byte> body, string? sign, PayerMaxSimulatorOptions merchant, PayerMaxKeys keys, DateTimeOffset now)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new GatewayRejection(GatewayCodes.ParamsInvalid, "The request body must be a JSON object.");
        }

        var envelope = new RequestData(root);
        if (!string.Equals(envelope.Required("appId", 64), merchant.AppId, StringComparison.Ordinal))
        {
            throw new GatewayRejection(GatewayCodes.MerchantAppInvalid, "appId is not a valid merchant app.");
        }

        if (envelope.Optional("merchantNo", 32) is { } merchantNo && !string.Equals(merchantNo, merchant.MerchantNo, StringComparison.Ordinal))
        {
            throw new GatewayRejection(GatewayCodes.MerchantInvalid, "merchantNo does not match the app.");
        }

        if (!keys.VerifyMerchant(body, sign))
        {
            throw new GatewayRejection(GatewayCodes.SignVerifyFailed, "The sign header does not verify with the merchant's public key.");
        }

        if (envelope.Required("version", 8) != "1.4")
        {
            throw new GatewayRejection(GatewayCodes.ParamsInvalid, "version must be 1.4.");
        }

        if (envelope.Required("keyVersion", 8) != "1")
        {
            throw new GatewayRejection(GatewayCodes.ParamsInvalid, "keyVersion must be 1.");
        }

        CheckRequestTime(envelope.Required("requestTime", 32), now);
        return envelope.OptionalObject("data") ?? throw new GatewayRejection(GatewayCodes.ParamsInvalid, "data is required.");
    }

    private static void CheckRequestTime(string requestTime, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParseExact(requestTime, RequestTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sentAt))
        {
            throw new GatewayRejection(GatewayCodes.ParamsInvalid, "requestTime must be formatted yyyy-MM-dd'T'HH:mm:ss.SSSXXX.");
        }

        // PayerMax documents the two-minute window without naming its code; REQUEST_TIMEOUT is the listed code that fits.
        if ((now - sentAt).Duration() > RequestTimeWindow)
        {
            throw new GatewayRejection(GatewayCodes.RequestTimeout, "requestTime is not within 2 minutes of the server time.");
        }
    }
}
