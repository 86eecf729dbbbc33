using IpoctoPayments.Application.Common;
using IpoctoPayments.Domain.Ledger;
using Mediator;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application.Ledger.GetLedger;

internal sealed class GetLedgerHandler(ILedger ledger, IOptions<BalanceOptions> options) : IQueryHandler<GetLedgerQuery, LedgerPage>
{
    public async ValueTask<LedgerPage> Handle(GetLedgerQuery query, CancellationToken cancellationToken)
    {
        var account = LedgerQueries.Account(query.AccountId);
        var currency = options.Value.ToCurrency();
        var balance = await ledger.BalanceAsync(account, currency, cancellationToken);
        var lines = await ledger.StatementAsync(account, currency, query.Before, query.Limit + 1, cancellationToken);
        var page = lines.Take(query.Limit)
            .Select(View)
            .ToList();
        return new LedgerPage(MoneyView.OfBalance(balance.MinorUnits, currency), page, lines.Count > query.Limit ? page[^1].Sequence : null);
    }

    private static LedgerLineView View(StatementLine line)
    {
        var isDebit = line.Kind is PostingKind.BillingDebit or PostingKind.BillingDebitReversal;
        var isDispute = line.Kind is PostingKind.DisputeWithdrawal or PostingKind.DisputeReinstatement;
        var amount = MoneyView.OfBalance(line.IsCredit ? line.Amount.MinorUnits : -line.Amount.MinorUnits, line.Amount.Currency);
        return new LedgerLineView(line.Sequence, isDebit ? null : line.SubjectId, StatusNames.Of(line.Kind), isDispute ? null : line.PartId, amount, line.PostedAt)
        {
            DebitId = isDebit ? line.SubjectId : null,
            DisputeId = isDispute ? line.PartId : null,
            Reference = line.Reference,
        };
    }
}
