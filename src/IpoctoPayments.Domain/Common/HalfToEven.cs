namespace IpoctoPayments.Domain.Common;

/// <summary>Banker's rounding of an integer division: the one rounding every conversion and share of money uses.</summary>
internal static class HalfToEven
{
    public static Int128 Divide(Int128 numerator, Int128 denominator)
    {
        var quotient = Int128.DivRem(numerator, denominator);
        var twiceRemainder = quotient.Remainder * 2;
        var roundUp = twiceRemainder > denominator || (twiceRemainder == denominator && !Int128.IsEvenInteger(quotient.Quotient));
        return roundUp ? quotient.Quotient + 1 : quotient.Quotient;
    }
}
