using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Application.TopUps;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Ledger;
using Mediator;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Application.Ledger.DebitBalance;

internal sealed class DebitBalanceHandler(ILedger ledger, IOptions<TopUpOptions> options, TimeProvider clock) : ICommandHandler<DebitBalanceCommand, DebitResult>
{
    public async ValueTask<DebitResult> Handle(DebitBalanceCommand command, CancellationToken cancellationToken)
    {
        var account = LedgerQueries.Account(command.AccountId);
        var currency = Currency.FromCode(options.Value.BalanceCurrency).Value;
        if (!string.Equals(command.Currency, currency.Code, StringComparison.OrdinalIgnoreCase))
        {
            throw AppException.Invalid("currency_mismatch", $"Debits are in the balance currency, {currency}.", "amount.currency");
        }

        var amount = Money.Parse(command.Amount!, currency).OrThrow(ErrorKind.Invalid, "amount");
        if (amount.IsZero)
        {
            throw AppException.Invalid("invalid_amount", "A debit must be above zero.", "amount");
        }

        // The key names the debit: a retry finds its posting, a concurrent twin fails on the posting's key and runs again into a replay.
        var debitId = RequestHash.Id("billing-debit", account.Value, command.IdempotencyKey);
        var posting = Postings.BillingDebit(debitId, account, amount, command.Reference!.Trim(), clock.GetUtcNow());
        if (await ledger.FindAsync(posting.Key, cancellationToken) is { } earlier)
        {
            return earlier.IsSameAs(posting)
                ? new DebitResult(await BillingDebits.ViewAsync(ledger, account, debitId, cancellationToken), Created: false)
                : throw AppException.Unprocessable("idempotency_key_reused", "This Idempotency-Key was used for a debit of another amount or reference; send a new key.");
        }

        if (await ledger.PostAsync(posting, cancellationToken) == PostResult.InsufficientBalance)
        {
            var balance = await ledger.BalanceAsync(account, currency, cancellationToken);
            throw AppException.Unprocessable("insufficient_balance",
                $"The balance holds {balance.Available}, less than the {amount} to debit; nothing was debited.", "amount");
        }

        return new DebitResult(await BillingDebits.ViewAsync(ledger, account, debitId, cancellationToken), Created: true);
    }
}
