using IpoctoPayments.Application.Common;
using Mediator;

namespace IpoctoPayments.Application.Ledger.GetBalance;

/// <summary>Guide step 5: the balance the customer sees after a top-up.</summary>
public sealed record GetBalanceQuery(string AccountId) : IQuery<BalanceView>;

public sealed record BalanceView(string AccountId, MoneyView Available);
