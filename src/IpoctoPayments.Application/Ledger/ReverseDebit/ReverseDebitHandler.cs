using IpoctoPayments.Domain.Ledger;
using Mediator;

namespace IpoctoPayments.Application.Ledger.ReverseDebit;

internal sealed class ReverseDebitHandler(ILedger ledger, TimeProvider clock) : ICommandHandler<ReverseDebitCommand, DebitView>
{
    public async ValueTask<DebitView> Handle(ReverseDebitCommand command, CancellationToken cancellationToken)
    {
        var account = LedgerQueries.Account(command.AccountId);
        var debit = await BillingDebits.FindAsync(ledger, account, command.DebitId, cancellationToken);
        if (await ledger.FindAsync(debit.Key with { Kind = PostingKind.BillingDebitReversal }, cancellationToken) is null)
        {
            // A concurrent reversal of the same debit fails on the posting's key and runs again into the answer below.
            await ledger.PostAsync(Postings.Reversal(debit, clock.GetUtcNow()).Value, cancellationToken);
        }

        return await BillingDebits.ViewAsync(ledger, account, command.DebitId, cancellationToken);
    }
}
