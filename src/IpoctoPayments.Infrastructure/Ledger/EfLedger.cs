using IpoctoPayments.Application.Ledger;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Ledger;
using IpoctoPayments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IpoctoPayments.Infrastructure.Ledger;

internal sealed class EfLedger(PaymentsDbContext db, BalanceStatements balances) : ILedger
{
    public async Task<PostResult> PostAsync(Posting posting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posting);

        // Only this unit of work is asked: a posting committed earlier is refused by its unique key when this one saves,
        // and the unit of work runs again on fresh data, where the order that asked for it has moved on. Asking the
        // database first would be a round trip on every posting for a case the key already covers.
        if (Pending(posting.Key.ToString()) is { } pending)
        {
            return ToPosting(pending).IsSameAs(posting) ? PostResult.AlreadyExists : PostResult.Conflict;
        }

        if (posting.Key.Kind is PostingKind.DisputeWithdrawal or PostingKind.DisputeReinstatement)
        {
            await MoveForDisputeAsync(posting, cancellationToken);
            db.Set<PostingRecord>().Add(ToRecord(posting));
            return PostResult.Posted;
        }

        // Debits first, so a refused one leaves nothing of the posting moved (a posting has one customer side).
        var moves = posting.Entries.Select(e => e.Account).Where(a => a.Type == LedgerAccountType.CustomerBalance).Distinct()
            .Select(a => (Account: a, Net: posting.NetCreditTo(a)))
            .OrderBy(m => m.Net);
        foreach (var (account, net) in moves)
        {
            if (net < 0 && !await balances.TryDebitAsync(account.Owner, account.Currency.Code, -net, cancellationToken))
            {
                return PostResult.InsufficientBalance;
            }

            if (net > 0)
            {
                balances.Credit(account.Owner, account.Currency.Code, net);
            }
        }

        db.Set<PostingRecord>().Add(ToRecord(posting));
        return PostResult.Posted;
    }

    /// <summary>A chargeback is taken even where the money was spent; a dispute won gives back what its chargeback took.</summary>
    private async Task MoveForDisputeAsync(Posting posting, CancellationToken cancellationToken)
    {
        var account = posting.Entries.Single(e => e.Account.Type == LedgerAccountType.CustomerBalance).Account;
        var net = posting.NetCreditTo(account);
        if (posting.Key.Kind == PostingKind.DisputeWithdrawal)
        {
            await balances.WithdrawForDisputeAsync(account.Owner, account.Currency.Code, -net, cancellationToken);
        }
        else if (!await balances.ReinstateAsync(account.Owner, account.Currency.Code, net, cancellationToken))
        {
            // The order allowed this only after its withdrawal, so another writer gave the money back first (two reports
            // of one won dispute at once): the unit of work runs again on fresh data and finds it done.
            throw new DbUpdateConcurrencyException($"Posting {posting.Key} found no withdrawal left to give back on {account}: another writer reinstated it.");
        }
    }

    public async Task<Posting?> FindAsync(PostingKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = key.ToString();
        var record = Pending(text)
            ?? await db.Set<PostingRecord>().AsNoTracking().Include(p => p.Entries).FirstOrDefaultAsync(p => p.Key == text, cancellationToken);
        return record is null ? null : ToPosting(record);
    }

    public async Task<CustomerBalance> BalanceAsync(AccountId account, Currency currency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(currency);
        var record = await db.Set<BalanceRecord>().AsNoTracking()
            .FirstOrDefaultAsync(b => b.AccountId == account.Value && b.Currency == currency.Code, cancellationToken);
        var minorUnits = (record?.MinorUnits ?? 0) + balances.PendingCredit(account.Value, currency.Code);
        return new CustomerBalance(account, currency, minorUnits, record?.DisputedMinorUnits ?? 0);
    }

    public async Task<IReadOnlyList<StatementLine>> StatementAsync(AccountId account, Currency currency, long? before, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(currency);
        var customer = nameof(LedgerAccountType.CustomerBalance);
        var rows = await db.Set<EntryRecord>().AsNoTracking()
            .Where(e => e.AccountType == customer && e.AccountOwner == account.Value && e.Currency == currency.Code)
            .Join(db.Set<PostingRecord>(), e => e.PostingId, p => p.Id, (e, p) => new { Entry = e, Posting = p })
            .Where(r => before == null || r.Posting.Sequence < before)
            .OrderByDescending(r => r.Posting.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new StatementLine(
            r.Posting.Sequence,
            r.Posting.SubjectId,
            Enum.Parse<PostingKind>(r.Posting.Kind),
            r.Posting.PartId,
            Money.FromMinorUnits(r.Entry.MinorUnits, currency).Value,
            r.Entry.Side == nameof(EntrySide.Credit),
            r.Posting.PostedAt,
            r.Posting.Reference))];
    }

    // A posting added in this unit of work and not saved yet.
    private PostingRecord? Pending(string key) => db.Set<PostingRecord>().Local.FirstOrDefault(p => p.Key == key);

    private static PostingRecord ToRecord(Posting posting) => new()
    {
        Id = Guid.CreateVersion7(),
        Key = posting.Key.ToString(),
        SubjectId = posting.Key.SubjectId,
        Kind = posting.Key.Kind.ToString(),
        PartId = posting.Key.PartId,
        // Whole microseconds, as PostgreSQL keeps them: an answer read from this record before the save shows the same
        // time as every later read of the row.
        PostedAt = posting.PostedAt.AddTicks(-(posting.PostedAt.Ticks % TimeSpan.TicksPerMicrosecond)),
        Reference = posting.Reference,
        Entries = [.. posting.Entries.Select(e => new EntryRecord
        {
            AccountType = e.Account.Type.ToString(),
            AccountOwner = e.Account.Owner,
            Currency = e.Account.Currency.Code,
            Side = e.Side.ToString(),
            MinorUnits = e.Amount.MinorUnits,
        })],
    };

    private static Posting ToPosting(PostingRecord record)
    {
        var key = new PostingKey(record.SubjectId, Enum.Parse<PostingKind>(record.Kind), record.PartId);
        var entries = record.Entries.Select(e =>
        {
            var currency = Currency.FromCode(e.Currency).Value;
            return new Entry(AccountOf(e, currency), Enum.Parse<EntrySide>(e.Side), Money.FromMinorUnits(e.MinorUnits, currency).Value);
        });
        return Posting.Create(key, entries, record.PostedAt, record.Reference).Value;
    }

    private static LedgerAccount AccountOf(EntryRecord entry, Currency currency) => Enum.Parse<LedgerAccountType>(entry.AccountType) switch
    {
        LedgerAccountType.CustomerBalance => LedgerAccount.CustomerBalance(AccountId.Parse(entry.AccountOwner).Value, currency),
        LedgerAccountType.ProviderClearing => LedgerAccount.ProviderClearing(Enum.Parse<PaymentProvider>(entry.AccountOwner), currency),
        LedgerAccountType.ExchangePosition => LedgerAccount.ExchangePosition(currency),
        LedgerAccountType.Revenue => LedgerAccount.Revenue(currency),
        _ => LedgerAccount.LateCaptureSuspense(Enum.Parse<PaymentProvider>(entry.AccountOwner), currency),
    };
}
