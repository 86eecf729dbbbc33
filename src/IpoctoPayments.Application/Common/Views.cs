using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Errors;

namespace IpoctoPayments.Application.Common;

/// <summary>Money as the API shows it: major units as exact text, and the currency.</summary>
public sealed record MoneyView(string Amount, string Currency)
{
    public static MoneyView From(Money money)
    {
        ArgumentNullException.ThrowIfNull(money);
        return new MoneyView(money.ToMajorUnitString(), money.Currency.Code);
    }

    /// <summary>A signed amount: a balance a dispute took below zero, or a movement out of one.</summary>
    public static MoneyView OfBalance(long minorUnits, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var text = Money.FromMinorUnits(Math.Abs(minorUnits), currency).Value.ToMajorUnitString();
        return new MoneyView(minorUnits < 0 ? "-" + text : text, currency.Code);
    }

    public override string ToString() => $"{Amount} {Currency}";
}

/// <summary>An ipocto error code with what the customer can do about it, in the guide's words.</summary>
public sealed record ErrorView(string Code, string Message, string Guidance)
{
    public static ErrorView From(PaymentError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ErrorView(error.Code, error.Message, error.Guidance);
    }
}
