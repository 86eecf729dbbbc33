using IpoctoPayments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace IpoctoPayments.Infrastructure.Ledger;

/// <summary>
/// Moves customer balances, each move one statement that the database arbitrates: a credit is an increment (the first
/// one creates the row), a debit a decrement made only where the money is there — the rows it touched say whether it
/// was. The table's CHECK constraint backs the debit's condition. Nothing is read first, so concurrent moves on one
/// balance queue on its row and all succeed in turn.
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
            await db.Database.ExecuteSqlAsync(Increment(account, currency, minorUnits), cancellationToken);
        }

        credits.Clear();
    }

    /// <summary>A unit of work that is abandoned (to run again, or for good) leaves no credit behind.</summary>
    public void Forget() => credits.Clear();

    private FormattableString Increment(string account, string currency, long minorUnits)
    {
        if (db.Database.IsSqlServer())
        {
            // SQL Server has no ON CONFLICT; MERGE under HOLDLOCK keeps two first credits from both inserting.
            return $"""
           MERGE customer_balances WITH (HOLDLOCK) AS b
           USING (VALUES ({account}, {currency}, {minorUnits})) AS m ("AccountId", "Currency", "MinorUnits")
           ON b."AccountId" = m."AccountId" AND b."Currency" = m."Currency"
           WHEN MATCHED THEN UPDATE SET "MinorUnits" = b."MinorUnits" + m."MinorUnits"
           WHEN NOT MATCHED THEN INSERT ("AccountId", "Currency", "MinorUnits") VALUES (m."AccountId", m."Currency", m."MinorUnits");
           """;
        }

        return $"""
           INSERT INTO customer_balances ("AccountId", "Currency", "MinorUnits") VALUES ({account}, {currency}, {minorUnits})
           ON CONFLICT ("AccountId", "Currency") DO UPDATE SET "MinorUnits" = customer_balances."MinorUnits" + excluded."MinorUnits"
           """;
    }
}
