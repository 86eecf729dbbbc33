using System.Globalization;
using System.Text.Json;

namespace IpoctoPayments.Simulator.PayerMax.Catalogue;

/// <summary>
/// PayerMax amounts are JSON numbers in major units; inside the simulator they are minor units (long) at the
/// decimals PayerMax allows for the currency.
/// </summary>
internal static class PayerMaxMoney
{
    // PayerMax takes no decimals for IDR, TWD, PKR, COP (payermax.md), nor for ISO 4217's zero-decimal currencies;
    // everything else takes two, which also caps KWD, BHD, JOD, OMR, TND, LYD and IQD at two as PayerMax does.
    private static readonly HashSet<string> NoDecimals = ["IDR", "TWD", "PKR", "COP", "JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF"];

    // Far above any method limit; keeps the minor-unit arithmetic clear of overflow.
    private const decimal MaxMajor = 1_000_000_000_000m;

    public static int Decimals(string currency) => NoDecimals.Contains(currency) ? 0 : 2;

    /// <summary>Reads a positive amount (a JSON number, or a numeric string as PayerMax's own examples send) into minor units.</summary>
    public static bool TryParseMinor(JsonElement amount, string currency, out long minor)
    {
        minor = 0;
        decimal major;
        if (amount.ValueKind == JsonValueKind.Number)
        {
            if (!amount.TryGetDecimal(out major))
            {
                return false;
            }
        }
        else if (amount.ValueKind != JsonValueKind.String
            || !decimal.TryParse(amount.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out major))
        {
            return false;
        }

        return TryToMinor(major, currency, out minor);
    }

    /// <summary>A positive amount in major units into minor units; false past the currency's decimals.</summary>
    public static bool TryToMinor(decimal major, string currency, out long minor)
    {
        minor = 0;
        if (major > MaxMajor)
        {
            return false;
        }

        var scaled = major * Factor(currency);
        if (scaled <= 0 || scaled != decimal.Truncate(scaled))
        {
            return false;
        }

        minor = (long)scaled;
        return true;
    }

    public static decimal ToMajor(long minor, string currency) => minor / Factor(currency);

    /// <summary>Whether an amount sent in major units equals <paramref name="major"/> exactly (the sandbox's magic refund amounts).</summary>
    public static bool IsMajor(long minor, string currency, long major) => minor == major * (long)Factor(currency);

    public static string Display(long minor, string currency) =>
        ToMajor(minor, currency).ToString(Decimals(currency) == 0 ? "#,0" : "#,0.00", CultureInfo.InvariantCulture) + " " + currency;

    private static decimal Factor(string currency) => Decimals(currency) == 0 ? 1m : 100m;
}
