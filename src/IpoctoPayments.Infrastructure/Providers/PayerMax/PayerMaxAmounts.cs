using System.Globalization;
using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Infrastructure.Providers.PayerMax;

/// <summary>Amounts in PayerMax's precision, which for some currencies is less than ISO 4217's.</summary>
internal static class PayerMaxAmounts
{
    private static readonly HashSet<string> NoDecimals = ["IDR", "TWD", "PKR", "COP"];
    private static readonly HashSet<string> AtMostTwo = ["KWD", "BHD", "JOD", "OMR", "TND", "LYD", "IQD"];

    public static int DecimalsOf(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return NoDecimals.Contains(currency.Code) ? 0 : AtMostTwo.Contains(currency.Code) ? Math.Min(2, currency.Exponent) : currency.Exponent;
    }

    /// <summary>The amount as PayerMax's JSON number, or null when it has more decimals than PayerMax takes in its currency.</summary>
    public static PayerMaxAmount? Format(Money money)
    {
        ArgumentNullException.ThrowIfNull(money);
        var dropped = money.Currency.Exponent - DecimalsOf(money.Currency);
        var divisor = Currency.Pow10(dropped);
        if (money.MinorUnits % divisor != 0)
        {
            return null;
        }

        var units = money.MinorUnits / divisor;
        var decimals = DecimalsOf(money.Currency);
        if (decimals == 0)
        {
            return new PayerMaxAmount(units.ToString(CultureInfo.InvariantCulture));
        }

        var scale = Currency.Pow10(decimals);
        return new PayerMaxAmount(string.Create(CultureInfo.InvariantCulture, $"{units / scale}.{(units % scale).ToString(CultureInfo.InvariantCulture).PadLeft(decimals, '0')}"));
    }
}
