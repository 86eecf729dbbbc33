using System.Collections.Frozen;

namespace IpoctoPayments.Domain.Common;

/// <summary>An ISO 4217 currency and its exponent (the number of minor-unit digits).</summary>
public sealed record Currency
{
    // ISO 4217 exponents. A gateway may use fewer digits (PayerMax sends IDR with none);
    // that is the gateway's conversion, the domain keeps the ISO precision.
    private static readonly FrozenDictionary<string, Currency> Known = new (string Code, int Exponent)[]
    {
        ("USD", 2), ("EUR", 2), ("GBP", 2), ("CNY", 2), ("HKD", 2), ("JPY", 0), ("KRW", 0), ("SGD", 2),
        ("AUD", 2), ("CAD", 2), ("CHF", 2), ("DKK", 2), ("NOK", 2), ("SEK", 2), ("NZD", 2), ("MYR", 2),
        ("PHP", 2), ("IDR", 2), ("SAR", 2), ("AED", 2), ("EGP", 2), ("QAR", 2), ("BRL", 2), ("TWD", 2),
        ("THB", 2), ("VND", 0), ("MXN", 2), ("INR", 2), ("PKR", 2), ("COP", 2), ("TRY", 2), ("PLN", 2),
        ("KWD", 3), ("BHD", 3), ("JOD", 3), ("OMR", 3), ("TND", 3), ("LYD", 3), ("IQD", 3),
    }.ToFrozenDictionary(c => c.Code, c => new Currency(c.Code, c.Exponent), StringComparer.Ordinal);

    private Currency(string code, int exponent)
    {
        Code = code;
        Exponent = exponent;
    }

    public string Code { get; }

    public int Exponent { get; }

    /// <summary>10^exponent: how many minor units make one major unit.</summary>
    public long MinorUnitsPerMajor => Pow10(Exponent);

    public static Currency Usd { get; } = Known["USD"];

    public static IEnumerable<Currency> All => Known.Values.OrderBy(c => c.Code, StringComparer.Ordinal);

    /// <summary>Accepts an ISO code in any letter case ("usd" as Stripe writes it).</summary>
    public static Result<Currency> FromCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return new DomainError("currency_required", "A currency is required.");

        return Known.TryGetValue(code.Trim().ToUpperInvariant(), out var currency)
            ? currency
            : new DomainError("currency_not_supported", $"The currency '{code}' is not supported.");
    }

    public override string ToString() => Code;

    public static long Pow10(int exponent)
    {
        long result = 1;
        for (var i = 0; i < exponent; i++)
            result *= 10;
        return result;
    }
}
