using IpoctoPayments.Application.Ledger;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Ledger;

namespace IpoctoPayments.Application.Tests.Fakes;

/// <summary>The Ledger module's contract over the domain's reference <see cref="Journal"/>; a posting's sequence is its position.</summary>
public sealed class FakeLedger(FakeDatabase database) : ILedger
{
    public Task<PostResult> PostAsync(Posting posting, CancellationToken cancellationToken) => Task.FromResult(database.Journal.Post(posting));

    public Task<Posting?> FindAsync(PostingKey key, CancellationToken cancellationToken) => Task.FromResult(database.Journal.Find(key));

    public Task<CustomerBalance> BalanceAsync(AccountId account, Currency currency, CancellationToken cancellationToken) =>
        Task.FromResult(database.Journal.BalanceOf(account, currency));

    public Task<IReadOnlyList<StatementLine>> StatementAsync(AccountId account, Currency currency, long? before, int limit, CancellationToken cancellationToken)
    {
        var customer = LedgerAccount.CustomerBalance(account, currency);
        var lines = database.Journal.Postings
            .SelectMany((posting, index) => posting.Entries.Where(e => e.Account == customer).Select(e => new StatementLine(
                index + 1, posting.Key.SubjectId, posting.Key.Kind, posting.Key.PartId, e.Amount, e.Side == EntrySide.Credit, posting.PostedAt, posting.Reference)))
            .Where(l => before is null || l.Sequence < before)
            .OrderByDescending(l => l.Sequence)
            .Take(limit)
            .ToList();
        return Task.FromResult<IReadOnlyList<StatementLine>>(lines);
    }
}
