using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Application.Common;

/// <summary>The <c>Balance</c> section: the prepaid balance every module works with.</summary>
public sealed class BalanceOptions
{
    public const string Section = "Balance";

    /// <summary>The ISO 4217 code balances are kept in: top-ups are asked, and debits made, in it.</summary>
    public string Currency { get; set; } = "USD";

    public Currency ToCurrency() => Domain.Common.Currency.FromCode(Currency).Value;
}
