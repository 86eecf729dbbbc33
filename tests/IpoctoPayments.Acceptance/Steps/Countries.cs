namespace IpoctoPayments.Acceptance.Steps;

/// <summary>The countries and regions the features name, in words, with their ISO codes.</summary>
internal static class Countries
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["the United States"] = "US",
        ["the United Kingdom"] = "GB",
        ["Germany"] = "DE",
        ["France"] = "FR",
        ["Japan"] = "JP",
        ["China"] = "CN",
        ["the Philippines"] = "PH",
        ["Indonesia"] = "ID",
        ["Saudi Arabia"] = "SA",
        ["the United Arab Emirates"] = "AE",
        ["Egypt"] = "EG",
        ["Kuwait"] = "KW",
        ["Singapore"] = "SG",
        ["Brazil"] = "BR",
        ["Taiwan"] = "TW",
        ["India"] = "IN",
    };

    public static string CodeOf(string name) =>
        Codes.TryGetValue(name.Trim(), out var code) ? code : throw new ArgumentException($"Add \"{name}\" to the countries the features know.", nameof(name));
}
