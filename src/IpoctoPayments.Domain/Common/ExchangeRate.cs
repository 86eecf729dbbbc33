namespace IpoctoPayments.Domain.Common;

/// <summary>
/// A rate locked on an order: one major unit of <see cref="From"/> buys <see cref="Rate"/> major units of <see cref="To"/>.
/// Kept as fixed-point (integer units and a decimal scale) and persisted as its decimal string, so it never drifts.
/// Conversions round half to even at the target currency's minor unit: the rounding is unbiased over many orders
/// and a half minor unit is the most either side can lose.
/// </summary>
public sealed record ExchangeRate
{
    public const int MaxScale = 10;

    private ExchangeRate(Currency from, Currency to, long units, int scale)
    {
        From = from;
        To = to;
        Units = units;
        Scale = scale;
    }

    public Currency From { get; }

    public Currency To { get; }

    /// <summary>The rate's digits without the point: "58.25" is 5825 with scale 2.</summary>
    public long Units { get; }

    public int Scale { get; }

    /// <summary>The rate as its decimal string ("58.25"), the form to store and to show.</summary>
    public string Rate => FixedPointText.Format(Units, Scale);

    public static Result<ExchangeRate> Parse(Currency from, Currency to, string? rate)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from == to)
            return new DomainError("invalid_exchange_rate", "An exchange rate needs two different currencies.");

        return FixedPointText.Parse(rate, MaxScale, "exchange_rate").Then(parsed =>
            parsed.Units == 0
                ? new DomainError("invalid_exchange_rate", "An exchange rate must be above zero.")
                : (Result<ExchangeRate>)Normalised(from, to, parsed.Units, parsed.Scale));
    }

    /// <summary>Converts an amount in <see cref="From"/> to <see cref="To"/>, rounding half to even.</summary>
    public Result<Money> Convert(Money amount) => Convert(amount, To.Exponent);

    /// <summary>
    /// Converts, rounding half to even to <paramref name="decimals"/> places: fewer than the currency's own where the
    /// payment provider takes fewer (PayerMax charges IDR in whole rupiah).
    /// </summary>
    public Result<Money> Convert(Money amount, int decimals)
    {
        ArgumentNullException.ThrowIfNull(amount);
        if (amount.Currency != From)
            return new DomainError("currency_mismatch", $"This rate converts {From}, not {amount.Currency}.");
        if (decimals < 0 || decimals > To.Exponent)
            return new DomainError("invalid_precision", $"{To} has {To.Exponent} decimals, not {decimals}.");

        // target units at `decimals` = source minor × rate × 10^decimals / 10^from.exp, with rate = units / 10^scale.
        var numerator = (Int128)amount.MinorUnits * Units * Currency.Pow10(decimals);
        var denominator = (Int128)Currency.Pow10(Scale) * From.MinorUnitsPerMajor;
        var converted = HalfToEven.Divide(numerator, denominator) * Currency.Pow10(To.Exponent - decimals);

        return converted > long.MaxValue
            ? new DomainError("invalid_amount", "The converted amount is too large.")
            : Money.FromMinorUnits((long)converted, To);
    }

    public override string ToString() => $"1 {From} = {Rate} {To}";

    private static ExchangeRate Normalised(Currency from, Currency to, long units, int scale)
    {
        // "58.2500" and "58.25" are the same rate; keep one spelling so equal rates compare equal.
        while (scale > 0 && units % 10 == 0)
        {
            units /= 10;
            scale--;
        }

        return new ExchangeRate(from, to, units, scale);
    }
}
