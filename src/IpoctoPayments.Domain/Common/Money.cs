namespace IpoctoPayments.Domain.Common;

/// <summary>
/// A non-negative amount in minor units of one currency. Direction (in or out of an account) is never
/// carried by a sign: the ledger states it with debit and credit.
/// </summary>
public sealed record Money
{
    private Money(long minorUnits, Currency currency)
    {
        MinorUnits = minorUnits;
        Currency = currency;
    }

    public long MinorUnits { get; }

    public Currency Currency { get; }

    public bool IsZero => MinorUnits == 0;

    public static Money Zero(Currency currency) => new(0, Guard(currency));

    public static Result<Money> FromMinorUnits(long minorUnits, Currency currency) =>
        minorUnits < 0
            ? new DomainError("invalid_amount", "An amount cannot be negative.")
            : new Money(minorUnits, Guard(currency));

    /// <summary>Parses a major-unit amount ("20.00", "20") with at most the currency's decimals; extra precision is refused, never rounded.</summary>
    public static Result<Money> Parse(string? amount, Currency currency)
    {
        Guard(currency);
        return FixedPointText.Parse(amount, currency.Exponent, "amount")
            .Then(parsed => Scale(parsed.Units, currency.Exponent - parsed.Scale, currency));
    }

    public static Result<Money> Parse(string? amount, string? currencyCode) =>
        Currency.FromCode(currencyCode).Then(currency => Parse(amount, currency));

    /// <summary>The amount in major units with exactly the currency's decimals: "20.00", "500" (JPY), "1.250" (KWD).</summary>
    public string ToMajorUnitString() => FixedPointText.Format(MinorUnits, Currency.Exponent);

    public override string ToString() => $"{ToMajorUnitString()} {Currency.Code}";

    public Result<Money> Add(Money other) =>
        SameCurrency(other).Then(_ => Checked(() => new Money(checked(MinorUnits + other.MinorUnits), Currency)));

    /// <summary>Refuses to go below zero: money that is not there cannot be taken.</summary>
    public Result<Money> Subtract(Money other) =>
        SameCurrency(other).Then(_ => other.MinorUnits > MinorUnits
            ? new DomainError("insufficient_amount", $"{other} is more than {this}.")
            : (Result<Money>)new Money(MinorUnits - other.MinorUnits, Currency));

    /// <summary>
    /// This amount × <paramref name="part"/> / <paramref name="whole"/>, rounded half to even: the share of a top-up's
    /// credit that a part of its charge stands for.
    /// </summary>
    public Money Share(long part, long whole)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(whole);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(part, whole);
        return part == whole ? this : new Money((long)HalfToEven.Divide((Int128)MinorUnits * part, whole), Currency);
    }

    public Result<Money> SameCurrency(Money other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Currency == Currency
            ? this
            : new DomainError("currency_mismatch", $"{other.Currency} cannot be combined with {Currency}.");
    }

    private static Result<Money> Scale(long units, int extraDigits, Currency currency) =>
        Checked(() => new Money(checked(units * Currency.Pow10(extraDigits)), currency));

    private static Result<Money> Checked(Func<Money> compute)
    {
        try
        {
            return compute();
        }
        catch (OverflowException)
        {
            return new DomainError("invalid_amount", "The amount is too large.");
        }
    }

    private static Currency Guard(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return currency;
    }
}
