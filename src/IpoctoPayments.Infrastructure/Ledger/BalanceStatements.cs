using IpoctoPayments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IpoctoPayments.Infrastructure.Ledger;

/// <summary>
/// Moves customer balances, each move one statement that the database arbitrates: a credit is an increment (the first
/// one creates the row), a debit a decrement made only where the money is there — the rows it touched say whether it
/// was; a chargeback a decrement made either way, counted as disputed. The table's CHECK constraints back both: the
/// balance stays above minus what disputes withdrew. Nothing is read first, so concurrent moves on one balance queue on
/// its row and all succeed in turn.
/// </summary>
internal sealed class BalanceStatements(PaymentsDbContext db)
{
    private readonly Dictionary<(string Account, string Currency), long> credits = [];

    /// <summary>Takes <paramref name="minorUnits"/> off the balance at once; false, with nothing moved, when it does not hold them.</summary>
    public async Task<bool> TryDebitAsync(string account, string currency, long minorUnits, CancellationToken cancellationToken)
    {
        // This unit of work's own credits first: a debit may spend them.
        await WriteCreditsAsync(cancellationToken);
        var moved = await db.Database.ExecuteSqlAsync(
            $"""UPDATE customer_balances SET "MinorUnits" = "MinorUnits" - {minorUnits} WHERE "AccountId" = {account} AND "Currency" = {currency} AND "MinorUnits" >= {minorUnits}""",
            cancellationToken);
        return moved == 1;
    }

    /// <summary>
    /// A chargeback: takes <paramref name="minorUnits"/> off the balance whether or not it holds them, and counts them as
    /// withdrawn by a dispute, in one statement; the CHECK constraint keeps the balance above minus that count.
    /// </summary>
    public async Task WithdrawForDisputeAsync(string account, string currency, long minorUnits, CancellationToken cancellationToken)
    {
        await WriteCreditsAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(Upsert(account, currency, -minorUnits, minorUnits), cancellationToken);
    }

    /// <summary>A dispute won: gives back what its chargeback took; false, with nothing moved, if disputes withdrew less.</summary>
    public async Task<bool> ReinstateAsync(string account, string currency, long minorUnits, CancellationToken cancellationToken)
    {
        await WriteCreditsAsync(cancellationToken);
        var moved = await db.Database.ExecuteSqlAsync(
            $"""UPDATE customer_balances SET "MinorUnits" = "MinorUnits" + {minorUnits}, "DisputedMinorUnits" = "DisputedMinorUnits" - {minorUnits} WHERE "AccountId" = {account} AND "Currency" = {currency} AND "DisputedMinorUnits" >= {minorUnits}""",
            cancellationToken);
        return moved == 1;
    }

    /// <summary>
    /// Adds to the balance when <see cref="WriteCreditsAsync"/> runs: the unit of work calls it after its other writes,
    /// just before the commit, so a balance that many payments credit at once stays locked as briefly as possible.
    /// </summary>
    public void Credit(string account, string currency, long minorUnits) =>
        credits[(account, currency)] = credits.GetValueOrDefault((account, currency)) + minorUnits;

    /// <summary>What this unit of work has credited and not yet written: part of the balance as it sees it.</summary>
    public long PendingCredit(string account, string currency) => credits.GetValueOrDefault((account, currency));

    public async Task WriteCreditsAsync(CancellationToken cancellationToken)
    {
        foreach (var ((account, currency), minorUnits) in credits)
        {
            await db.Database.ExecuteSqlAsync(Upsert(account, currency, minorUnits, 0), cancellationToken);
        }

        credits.Clear();
    }

    /// <summary>A unit of work that is abandoned (to run again, or for good) leaves no credit behind.</summary>
    public void Forget() => credits.Clear();

    /// <summary>Adds to the balance and to what disputes withdrew; the first move on a balance creates its row.</summary>
    private FormattableString Upsert(string account, string currency, long minorUnits, long disputedMinorUnits)
    {
        if (db.Database.IsSqlServer())
        {
            // SQL Server has no ON CONFLICT; MERGE under HOLDLOCK keeps two first moves from both inserting.
            return $"""
           MERGE customer_balances WITH (HOLDLOCK) AS b
           USING (VALUES ({account}, {currency}, {minorUnits}, {disputedMinorUnits})) AS m ("AccountId", "Currency", "MinorUnits", "DisputedMinorUnits")
           ON b."AccountId" = m."AccountId" AND b."Currency" = m."Currency"
           WHEN MATCHED THEN UPDATE SET "MinorUnits" = b."MinorUnits" + m."MinorUnits", "DisputedMinorUnits" = b."DisputedMinorUnits" + m."DisputedMinorUnits"
           WHEN NOT MATCHED THEN INSERT ("AccountId", "Currency", "MinorUnits", "DisputedMinorUnits") VALUES (m."AccountId", m."Currency", m."MinorUnits", m."DisputedMinorUnits");
           """;
        }

        return $"""
           INSERT INTO customer_balances ("AccountId", "Currency", "MinorUnits", "DisputedMinorUnits") VALUES ({account}, {currency}, {minorUnits}, {disputedMinorUnits})
           ON CONFLICT ("AccountId", "Currency") DO UPDATE SET "MinorUnits" = customer_balances."MinorUnits" + excluded."MinorUnits", "DisputedMinorUnits" = customer_balances."DisputedMinorUnits" + excluded."DisputedMinorUnits"
           """;
    }
}
