using System.Globalization;

namespace IpoctoPayments.Domain.Common;

/// <summary>
/// Reads "1234.5678" exactly into an integer and a scale, so that no binary floating point ever touches an amount.
/// Only ASCII digits and one '.' are accepted: no sign, no exponent, no thousands separator, no spaces.
/// </summary>
internal static class FixedPointText
{
    // long holds 18 digits safely; more is never a sane amount or rate.
    private const int MaxDigits = 18;

    public static Result<(long Units, int Scale)> Parse(string? text, int maxScale, string what)
    {
        if (string.IsNullOrEmpty(text))
            return Invalid(what, "is required");

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? string.Empty : text[(dot + 1)..];

        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || (dot >= 0 && fraction.Length == 0) || !fraction.All(char.IsAsciiDigit))
            return Invalid(what, $"'{text}' is not a plain decimal number such as 20 or 20.00");

        if (fraction.Length > maxScale)
            return Invalid(what, maxScale == 0
                ? $"'{text}' has decimals; this currency has no minor units"
                : $"'{text}' has more than {maxScale} decimal places");

        var digits = (whole + fraction).TrimStart('0');
        if (digits.Length > MaxDigits)
            return Invalid(what, $"'{text}' is too large");

        var units = digits.Length == 0 ? 0 : long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return (units, fraction.Length);
    }

    public static string Format(long units, int scale)
    {
        var digits = units.ToString(CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
        return scale == 0 ? digits : $"{digits[..^scale]}.{digits[^scale..]}";
    }

    private static DomainError Invalid(string what, string reason) => new($"invalid_{what}", $"The {what} {reason}.");
}
