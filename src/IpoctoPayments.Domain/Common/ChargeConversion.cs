namespace IpoctoPayments.Domain.Common;

/// <summary>
/// How a credit becomes a charge: converted at <see cref="Rate"/> and rounded to the <see cref="Decimals"/> the provider
/// takes in the charge currency. Run backwards, it tells a customer what to enter in the balance currency to meet a
/// method's range in the charge currency, within the <see cref="Credits"/> a top-up may be (ipocto's own limits).
/// </summary>
public sealed record ChargeConversion(ExchangeRate Rate, int Decimals, CreditRange? Credits = null)
{
    public Result<Money> Convert(Money credit) => Rate.Convert(credit, Decimals);

    /// <summary>The least credit whose charge is at least <paramref name="charge"/>.</summary>
    public Money LeastCreditFor(Money charge)
    {
        ArgumentNullException.ThrowIfNull(charge);
        return Money.FromMinorUnits(FirstCreditCharging(charge.MinorUnits), Rate.From).Value;
    }

    /// <summary>The most credit whose charge is at most <paramref name="charge"/>.</summary>
    public Money MostCreditFor(Money charge)
    {
        ArgumentNullException.ThrowIfNull(charge);
        return Money.FromMinorUnits(FirstCreditCharging(charge.MinorUnits + 1) - 1, Rate.From).Value;
    }

    /// <summary>
    /// What to enter for a charge of at least <paramref name="charge"/>: the least credit reaching it, raised to the
    /// smallest top-up; null when no top-up within <see cref="Credits"/> reaches it.
    /// </summary>
    public Money? SuggestAtLeast(Money charge)
    {
        var least = LeastCreditFor(charge);
        if (Credits is null)
            return least;

        var suggested = least.MinorUnits < Credits.Minimum.MinorUnits ? Credits.Minimum : least;
        return suggested.MinorUnits <= Credits.Maximum.MinorUnits ? suggested : null;
    }

    /// <summary>
    /// What to enter for a charge of at most <paramref name="charge"/>: the most credit within it, lowered to the largest
    /// top-up; null when no top-up within <see cref="Credits"/> stays within it.
    /// </summary>
    public Money? SuggestAtMost(Money charge)
    {
        var most = MostCreditFor(charge);
        if (Credits is null)
            return most;

        var suggested = most.MinorUnits > Credits.Maximum.MinorUnits ? Credits.Maximum : most;
        return suggested.MinorUnits >= Credits.Minimum.MinorUnits ? suggested : null;
    }

    /// <summary>The smallest charge the provider can take: one unit of its last decimal.</summary>
    public Money SmallestCharge => Money.FromMinorUnits(Currency.Pow10(Rate.To.Exponent - Decimals), Rate.To).Value;

    /// <summary>
    /// The least credit (minor units) charged at least <paramref name="target"/>: a charge grows with its credit, so a
    /// binary search, over a range doubled until it holds the answer, finds it whatever the rate and the rounding.
    /// </summary>
    private long FirstCreditCharging(long target)
    {
        long low = 0, high = 1;
        while (ChargeOf(high) < target)
        {
            low = high + 1;
            high *= 2;
        }

        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (ChargeOf(middle) >= target)
                high = middle;
            else
                low = middle + 1;
        }

        return low;
    }

    private long ChargeOf(long creditMinorUnits) => Convert(Money.FromMinorUnits(creditMinorUnits, Rate.From).Value).Value.MinorUnits;
}

/// <summary>The amounts one top-up may be, in the balance currency.</summary>
public sealed record CreditRange(Money Minimum, Money Maximum);
