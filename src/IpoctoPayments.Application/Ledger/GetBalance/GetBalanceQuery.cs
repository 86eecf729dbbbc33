using IpoctoPayments.Application.Common;
using IpoctoPayments.Domain.Ledger;
using Mediator;

namespace IpoctoPayments.Application.Ledger.GetBalance;

/// <summary>Guide step 5: the balance the customer sees after a top-up.</summary>
public sealed record GetBalanceQuery(string AccountId) : IQuery<BalanceView>;

/// <summary>
/// <see cref="Available"/> is what can be spent. <see cref="Balance"/> is the same, or below zero when a dispute took
/// back money already spent; then <see cref="Disputed"/> says how much disputes withdrew and <see cref="Notice"/> why
/// and what to do.
/// </summary>
public sealed record BalanceView(string AccountId, MoneyView Available, MoneyView Balance, MoneyView Disputed, string? Notice)
{
    public static BalanceView Of(CustomerBalance balance)
    {
        ArgumentNullException.ThrowIfNull(balance);
        var notice = balance.IsNegative
            ? $"Your balance is {MoneyView.OfBalance(balance.MinorUnits, balance.Currency)} because your bank reversed a top-up "
              + "(a dispute) after the money had been spent. Top up to bring it back above zero; ipocto charges resume once it covers them."
            : null;
        return new BalanceView(balance.Account.Value, MoneyView.From(balance.Available), MoneyView.OfBalance(balance.MinorUnits, balance.Currency),
            MoneyView.From(balance.Disputed), notice);
    }
}
