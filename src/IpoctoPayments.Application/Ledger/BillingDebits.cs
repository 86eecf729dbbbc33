using System.Text.Json.Serialization;
using IpoctoPayments.Application.Common;
using IpoctoPayments.Application.Common.Errors;
using IpoctoPayments.Application.Common.Idempotency;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Ledger;

namespace IpoctoPayments.Application.Ledger;

/// <summary>
/// A billing debit as the API shows it: <see cref="Status"/> is <c>posted</c>, or <c>reversed</c> once billing cancelled
/// it; <see cref="Balance"/> is the account's balance as the answer was written.
/// </summary>
public sealed record DebitView(Guid Id, string Account, MoneyView Amount, string Reference, string Status, DateTimeOffset PostedAt, DateTimeOffset? ReversedAt, MoneyView Balance);

/// <summary>The debit; <see cref="Replayed"/> when this is the first answer given again to a retry with the same key.</summary>
public sealed record DebitResult(DebitView Debit, [property: JsonIgnore] bool Replayed = false) : IReplayable<DebitResult>
{
    public DebitResult AsReplay() => this with { Replayed = true };
}

/// <summary>Billing debits are ledger postings, keyed by the debit's id; this reads one back as the API shows it.</summary>
internal static class BillingDebits
{
    public static async Task<DebitView> ViewAsync(ILedger ledger, AccountId account, Guid debitId, CancellationToken cancellationToken)
    {
        var debit = await FindAsync(ledger, account, debitId, cancellationToken);
        var reversal = await ledger.FindAsync(debit.Key with { Kind = PostingKind.BillingDebitReversal }, cancellationToken);
        var amount = debit.Entries.First(e => e.Side == EntrySide.Debit).Amount;
        var balance = await ledger.BalanceAsync(account, amount.Currency, cancellationToken);
        return new DebitView(debitId, account.Value, MoneyView.From(amount), debit.Reference ?? string.Empty,
            reversal is null ? "posted" : "reversed", debit.PostedAt, reversal?.PostedAt, MoneyView.OfBalance(balance.MinorUnits, balance.Currency));
    }

    /// <summary>The debit, if it is this account's; another account's debit is not found, as another account's top-up is not.</summary>
    public static async Task<Posting> FindAsync(ILedger ledger, AccountId account, Guid debitId, CancellationToken cancellationToken)
    {
        var debit = await ledger.FindAsync(new PostingKey(debitId, PostingKind.BillingDebit), cancellationToken);
        return debit is not null && debit.Entries.Any(e => e.Account.Type == LedgerAccountType.CustomerBalance && e.Account.Owner == account.Value)
            ? debit
            : throw AppException.NotFound("debit_not_found", $"Account {account} has no debit {debitId}.");
    }
}
