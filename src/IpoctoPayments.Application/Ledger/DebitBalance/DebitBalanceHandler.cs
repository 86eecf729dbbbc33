using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Ledger;
using Mediator;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application.Ledger.DebitBalance;

internal sealed class DebitBalanceHandler(ILedger ledger, IOptions<BalanceOptions> options, TimeProvider clock) : ICommandHandler<DebitBalanceCommand, DebitResult>
{
    public async ValueTask<DebitResult> Handle(DebitBalanceCommand command, CancellationToken cancellationToken)
    {
        var account = LedgerQueries.Account(command.AccountId);
        var currency = options.Value.ToCurrency();
        if (!string.Equals(command.Currency, currency.Code, StringComparison.OrdinalIgnoreCase))
        {
            throw AppException.Invalid("currency_mismatch", $"Debits are in the balance currency, {currency}.", "amount.currency");
        }

        var amount = Money.Parse(command.Amount!, currency).OrThrow(ErrorKind.Invalid, "amount");
        if (amount.IsZero)
        {
            throw AppException.Invalid("invalid_amount", "A debit must be above zero.", "amount");
        }

        // The key names the debit. Its posting is found again only where the key's first answer was not kept (its instance
        // stopped just after the commit); a concurrent twin fails on the posting's key and runs again into this.
        var debitId = command.KeyedId("billing-debit")!.Value;
        var posting = Postings.BillingDebit(debitId, account, amount, command.Reference!.Trim(), clock.GetUtcNow());
        if (await ledger.FindAsync(posting.Key, cancellationToken) is not null)
        {
            return new DebitResult(await BillingDebits.ViewAsync(ledger, account, debitId, cancellationToken));
        }
        if (await ledger.PostAsync(posting, cancellationToken) == PostResult.InsufficientBalance)
        {
            var balance = await ledger.BalanceAsync(account, currency, cancellationToken);
            throw AppException.Unprocessable("insufficient_balance", balance.IsNegative
                ? $"The balance is {MoneyView.OfBalance(balance.MinorUnits, currency)} because a disputed top-up took back money already spent; nothing was debited, and debits resume once the balance covers {amount}."
                : $"The balance holds {balance.Available}, less than the {amount} to debit; nothing was debited.", "amount");
        }

        return new DebitResult(await BillingDebits.ViewAsync(ledger, account, debitId, cancellationToken));
    }
}
