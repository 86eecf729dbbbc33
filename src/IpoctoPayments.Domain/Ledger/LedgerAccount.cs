using IpoctoPayments.Domain.Common;

namespace IpoctoPayments.Domain.Ledger;

/// <summary>An account of the double-entry ledger, in exactly one currency. <see cref="Code"/> is its stable name.</summary>
public sealed record LedgerAccount
{
    private LedgerAccount(LedgerAccountType type, string owner, Currency currency)
    {
        Type = type;
        Owner = owner;
        Currency = currency;
    }

    public LedgerAccountType Type { get; }

    /// <summary>The customer account id, the provider, or empty for the exchange position and revenue.</summary>
    public string Owner { get; }

    public Currency Currency { get; }

    /// <summary>"customer:acc-1:USD", "clearing:Stripe:PHP", "exchange::PHP", "late-capture:PayerMax:PHP", "disputes:Stripe:USD".</summary>
    public string Code => $"{Prefix(Type)}:{Owner}:{Currency.Code}";

    public static LedgerAccount CustomerBalance(AccountId account, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(LedgerAccountType.CustomerBalance, account.Value, Guard(currency));
    }

    public static LedgerAccount ProviderClearing(PaymentProvider provider, Currency currency) =>
        new(LedgerAccountType.ProviderClearing, provider.ToString(), Guard(currency));

    public static LedgerAccount ExchangePosition(Currency currency) =>
        new(LedgerAccountType.ExchangePosition, string.Empty, Guard(currency));

    public static LedgerAccount LateCaptureSuspense(PaymentProvider provider, Currency currency) =>
        new(LedgerAccountType.LateCaptureSuspense, provider.ToString(), Guard(currency));

    public static LedgerAccount Disputes(PaymentProvider provider, Currency currency) =>
        new(LedgerAccountType.Disputes, provider.ToString(), Guard(currency));

    public static LedgerAccount Revenue(Currency currency) =>
        new(LedgerAccountType.Revenue, string.Empty, Guard(currency));

    public override string ToString() => Code;

    private static string Prefix(LedgerAccountType type) => type switch
    {
        LedgerAccountType.CustomerBalance => "customer",
        LedgerAccountType.ProviderClearing => "clearing",
        LedgerAccountType.ExchangePosition => "exchange",
        LedgerAccountType.Revenue => "revenue",
        LedgerAccountType.Disputes => "disputes",
        _ => "late-capture",
    };

    private static Currency Guard(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return currency;
    }
}
