using IpoctoPayments.Application.Ledger;
using IpoctoPayments.Domain.Common;
using IpoctoPayments.Domain.Ledger;
using IpoctoPayments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IpoctoPayments.Infrastructure.Ledger;

internal sealed class EfLedger(PaymentsDbContext db) : ILedger
{
    // Every posting to a customer reads the balance it moves.
    private static readonly CompiledQuery<Func<PaymentsDbContext, string, string, CancellationToken, Task<BalanceRecord?>>> Balance = new(() =>
        EF.CompileAsyncQuery((PaymentsDbContext context, string accountId, string currency, CancellationToken _) =>
            context.Set<BalanceRecord>().FirstOrDefault(b => b.AccountId == accountId && b.Currency == currency)));

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

        var customers = posting.Entries.Select(e => e.Account).Where(a => a.Type == LedgerAccountType.CustomerBalance).Distinct().ToList();
        var updates = new List<(BalanceRecord Record, CustomerBalance After)>();
        foreach (var account in customers)
        {
            var record = await BalanceRecordAsync(account.Owner, account.Currency, cancellationToken);
            var before = new CustomerBalance(AccountId.Parse(account.Owner).Value, Money.FromMinorUnits(record.MinorUnits, account.Currency).Value);
            var after = before.Apply(posting);
            if (!after.IsSuccess)
            {
                return PostResult.InsufficientBalance;
            }

            updates.Add((record, after.Value));
        }

        foreach (var (record, after) in updates)
        {
            record.MinorUnits = after.Available.MinorUnits;
            record.Version++;
        }

        db.Set<PostingRecord>().Add(ToRecord(posting));
        return PostResult.Posted;
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
        return new CustomerBalance(account, Money.FromMinorUnits(record?.MinorUnits ?? 0, currency).Value);
    }

    public async Task<IReadOnlyList<StatementLine>> StatementAsync(AccountId account, Currency currency, long? before, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(currency);
        var customer = nameof(LedgerAccountType.CustomerBalance);
        var rows = await db.Set<EntryRecord>().AsNoTracking()
            .Where(e => e.AccountType == customer && e.AccountOwner == account.Value && e.Currency == currency.Code)
            .Where(e => before == null || e.PostingSequence < before)
            .Join(db.Set<PostingRecord>(), e => e.PostingSequence, p => p.Sequence, (e, p) => new { Entry = e, Posting = p })
            .OrderByDescending(r => r.Posting.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new StatementLine(
            r.Posting.Sequence,
            r.Posting.OrderId,
            Enum.Parse<PostingKind>(r.Posting.Kind),
            r.Posting.RefundId,
            Money.FromMinorUnits(r.Entry.MinorUnits, currency).Value,
            r.Entry.Side == nameof(EntrySide.Credit),
            r.Posting.PostedAt))];
    }

    // A posting added in this unit of work and not saved yet.
    private PostingRecord? Pending(string key) => db.Set<PostingRecord>().Local.FirstOrDefault(p => p.Key == key);

    private async Task<BalanceRecord> BalanceRecordAsync(string accountId, Currency currency, CancellationToken cancellationToken)
    {
        var record = db.Set<BalanceRecord>().Local.FirstOrDefault(b => b.AccountId == accountId && b.Currency == currency.Code)
            ?? await Balance.For(db)(db, accountId, currency.Code, cancellationToken);
        if (record is null)
        {
            // A first posting for this balance; a concurrent first posting fails on the key and its unit of work retries.
            record = new BalanceRecord { AccountId = accountId, Currency = currency.Code };
            db.Set<BalanceRecord>().Add(record);
        }

        return record;
    }

    private static PostingRecord ToRecord(Posting posting) => new()
    {
        Key = posting.Key.ToString(),
        OrderId = posting.Key.OrderId,
        Kind = posting.Key.Kind.ToString(),
        RefundId = posting.Key.RefundId,
        PostedAt = posting.PostedAt,
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
        var key = new PostingKey(record.OrderId, Enum.Parse<PostingKind>(record.Kind), record.RefundId);
        var entries = record.Entries.Select(e =>
        {
            var currency = Currency.FromCode(e.Currency).Value;
            return new Entry(AccountOf(e, currency), Enum.Parse<EntrySide>(e.Side), Money.FromMinorUnits(e.MinorUnits, currency).Value);
        });
        return Posting.Create(key, entries, record.PostedAt).Value;
    }

    private static LedgerAccount AccountOf(EntryRecord entry, Currency currency) => Enum.Parse<LedgerAccountType>(entry.AccountType) switch
    {
        LedgerAccountType.CustomerBalance => LedgerAccount.CustomerBalance(AccountId.Parse(entry.AccountOwner).Value, currency),
        LedgerAccountType.ProviderClearing => LedgerAccount.ProviderClearing(Enum.Parse<PaymentProvider>(entry.AccountOwner), currency),
        LedgerAccountType.ExchangePosition => LedgerAccount.ExchangePosition(currency),
        _ => LedgerAccount.LateCaptureSuspense(Enum.Parse<PaymentProvider>(entry.AccountOwner), currency),
    };
}
