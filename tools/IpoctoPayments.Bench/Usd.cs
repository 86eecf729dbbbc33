using System.Globalization;
using System.Text.Json;

namespace IpoctoPayments.Bench;

/// <summary>Amounts as the API writes them, <c>{"amount":"-12.34","currency":"USD"}</c>, in cents: every bench balance is in USD.</summary>
internal static class Usd
{
    public static string Text(long minorUnits) => (minorUnits / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    public static long MinorUnits(JsonElement money) =>
        money.GetProperty("currency").GetString() == "USD"
            ? (long)(decimal.Parse(money.GetProperty("amount").GetString()!, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 100)
            : throw new InvalidOperationException($"Expected an amount in USD, got {money}.");
}
