using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Domain.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application.Ledger.GetBalance;

internal sealed class GetBalanceHandler(ILedger ledger, IOptions<TopUpOptions> options) : IQueryHandler<GetBalanceQuery, BalanceView>
{
    public async ValueTask<BalanceView> Handle(GetBalanceQuery query, CancellationToken cancellationToken)
    {
        var account = LedgerQueries.Account(query.AccountId);
        var balance = await ledger.BalanceAsync(account, Currency.FromCode(options.Value.BalanceCurrency).Value, cancellationToken);
        return new BalanceView(account.Value, MoneyView.From(balance.Available));
    }
}
