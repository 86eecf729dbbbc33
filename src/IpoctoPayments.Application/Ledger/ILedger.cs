using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Ledger;

namespace IpoctoPayments.Application.Ledger;

/// <summary>
/// The Ledger module's contract: the only way other modules move money. Postings are kept in the caller's unit of
/// work; the database's unique key on <see cref="PostingKey"/> makes each one happen once whatever arrives twice.
/// </summary>
public interface ILedger
{
    /// <summary>
    /// Posts once: an identical posting under the same key in this unit of work "already exists"; one committed earlier
    /// fails the save on its key, so the unit of work runs again. A customer balance moves in one conditional statement:
    /// a debit only where the money is there (<see cref="PostResult.InsufficientBalance"/> otherwise, and nothing is
    /// moved), a credit as an increment written just before the commit. Nothing reads a balance to change it, so
    /// concurrent postings to one balance all succeed in turn.
    /// </summary>
    Task<PostResult> PostAsync(Posting posting, CancellationToken cancellationToken);

    Task<Posting?> FindAsync(PostingKey key, CancellationToken cancellationToken);

    Task<CustomerBalance> BalanceAsync(AccountId account, Currency currency, CancellationToken cancellationToken);

    /// <summary>The customer's entries, newest first, before the given sequence number when one is given.</summary>
    Task<IReadOnlyList<StatementLine>> StatementAsync(AccountId account, Currency currency, long? before, int limit, CancellationToken cancellationToken);
}

/// <summary>
/// One movement of a customer's balance: <see cref="Amount"/> in, or out when <see cref="IsCredit"/> is false.
/// <see cref="SubjectId"/> is the top-up order, or the billing debit, it belongs to; <see cref="PartId"/> the order's refund or dispute.
/// </summary>
public sealed record StatementLine(long Sequence, Guid SubjectId, PostingKind Kind, Guid? PartId, Money Amount, bool IsCredit, DateTimeOffset PostedAt, string? Reference = null);
