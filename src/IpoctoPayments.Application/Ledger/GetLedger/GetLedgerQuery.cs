using IpoctoPayments.Application.Common;
using Mediator;

namespace IpoctoPayments.Application.Ledger.GetLedger;

/// <summary>The movements of the account's balance, newest first; page with <see cref="LedgerPage.NextCursor"/>.</summary>
public sealed record GetLedgerQuery(string AccountId, long? Before, int Limit = 50) : IQuery<LedgerPage>;

/// <summary>
/// One movement: a top-up's (<see cref="TopUpId"/>, and its refund's or dispute's) or a billing debit's
/// (<see cref="DebitId"/>, <see cref="Reference"/>).
/// </summary>
public sealed record LedgerLineView(long Sequence, Guid? TopUpId, string Kind, Guid? RefundId, MoneyView Amount, DateTimeOffset PostedAt)
{
    public Guid? DebitId { get; init; }

    public Guid? DisputeId { get; init; }

    public string? Reference { get; init; }
}

public sealed record LedgerPage(MoneyView Balance, IReadOnlyList<LedgerLineView> Items, long? NextCursor);
