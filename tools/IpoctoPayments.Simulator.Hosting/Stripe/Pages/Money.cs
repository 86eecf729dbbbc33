using System.Globalization;

namespace IpoctoPayments.Simulator.Stripe.Pages;

/// <summary>Minor units shown as the customer reads them, with the currency's own number of decimals.</summary>
internal static class Money
{
    private static readonly HashSet<string> ZeroDecimal =
        new(["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"], StringComparer.Ordinal);

    private static readonly HashSet<string> ThreeDecimal = new(["bhd", "jod", "kwd", "omr", "tnd"], StringComparer.Ordinal);

    public static string Format(long minorUnits, string currency)
    {
        var code = currency.ToUpperInvariant();
        if (ZeroDecimal.Contains(currency))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{code} {minorUnits:N0}");
        }

        var exponent = ThreeDecimal.Contains(currency) ? 3 : 2;
        var factor = exponent == 3 ? 1000L : 100L;
        var sign = minorUnits < 0 ? "-" : "";
        var absolute = Math.Abs(minorUnits);
        var fraction = (absolute % factor).ToString(CultureInfo.InvariantCulture).PadLeft(exponent, '0');
        return string.Create(CultureInfo.InvariantCulture, $"{code} {sign}{absolute / factor:N0}.{fraction}");
    }
}
