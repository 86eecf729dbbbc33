using Mediator;

namespace IpoctoPayments.Application.Ledger.GetDebit;

internal sealed class GetDebitHandler(ILedger ledger) : IQueryHandler<GetDebitQuery, DebitView>
{
    public async ValueTask<DebitView> Handle(GetDebitQuery query, CancellationToken cancellationToken) =>
        await BillingDebits.ViewAsync(ledger, LedgerQueries.Account(query.AccountId), query.DebitId, cancellationToken);
}
