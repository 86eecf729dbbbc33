using IpoctoPayments.Application.Common.Idempotency;
using Mediator;

namespace IpoctoPayments.Application.Ledger.DebitBalance;

/// <summary>
/// ipocto's billing spends part of an account's balance on what the customer bought (<see cref="Reference"/>: an
/// invoice or subscription). Refused, with nothing written, where the balance does not hold the amount. The
/// <see cref="IdempotencyKey"/> names the debit: a retry with it debits once.
/// </summary>
public sealed record DebitBalanceCommand(string AccountId, string? Amount, string? Currency, string? Reference, string? IdempotencyKey)
    : ICommand<DebitResult>, IIdempotentCommand
{
    public string IdempotencyScope => AccountId;

    public IEnumerable<string?> RequestFields => [Amount, Currency, Reference];
}
