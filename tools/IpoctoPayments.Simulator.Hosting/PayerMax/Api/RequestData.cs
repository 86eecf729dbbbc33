using System.Globalization;
using System.Text.Json;

namespace IpoctoPayments.Simulator.PayerMax.Api;

/// <summary>Reads the fields of a request's <c>data</c> object; a missing or malformed field is <c>PARAMS_INVALID</c> naming it.</summary>
internal sealed class RequestData(JsonElement data, string path = "")
{
    public string Required(string name, int maxLength) =>
        Optional(name, maxLength) ?? throw new GatewayRejection(GatewayCodes.ParamsInvalid, $"{path}{name} is required.");

    public string? Optional(string name, int maxLength)
    {
        if (!data.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new GatewayRejection(GatewayCodes.ParamsInvalid, $"{path}{name} must be a string.");
        }

        var text = value.GetString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return text.Length <= maxLength
            ? text
            : throw new GatewayRejection(GatewayCodes.ParamsInvalid, $"{path}{name} must be at most {maxLength} characters.");
    }

    public JsonElement RequiredValue(string name) =>
        data.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new GatewayRejection(GatewayCodes.ParamsInvalid, $"{path}{name} is required.");

    /// <summary>A whole number sent as a JSON number or a numeric string (PayerMax's own examples send <c>"1800"</c>).</summary>
    public long? OptionalInteger(string name)
    {
        if (!data.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new GatewayRejection(GatewayCodes.ParamsInvalid, $"{path}{name} must be a whole number of seconds.");
    }

    public RequestData? OptionalObject(string name)
    {
        if (!data.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? new RequestData(value, $"{path}{name}.")
            : throw new GatewayRejection(GatewayCodes.ParamsInvalid, $"{path}{name} must be an object.");
    }

    /// <summary>An absolute http(s) URL.</summary>
    public static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
