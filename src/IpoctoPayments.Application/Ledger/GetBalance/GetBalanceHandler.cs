using IpoctoPayments.Application.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application.Ledger.GetBalance;

internal sealed class GetBalanceHandler(ILedger ledger, IOptions<BalanceOptions> options) : IQueryHandler<GetBalanceQuery, BalanceView>
{
    public async ValueTask<BalanceView> Handle(GetBalanceQuery query, CancellationToken cancellationToken)
    {
        var account = LedgerQueries.Account(query.AccountId);
        var balance = await ledger.BalanceAsync(account, options.Value.ToCurrency(), cancellationToken);
        return BalanceView.Of(balance);
    }
}
