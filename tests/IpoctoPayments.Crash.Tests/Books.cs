using System.Data.Common;
using System.Globalization;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IpoctoPayments.Crash.Tests;

/// <summary>The ledger as an auditor reads it, with plain SQL, from outside the service.</summary>
internal sealed record Books(List<Books.Posting> Postings, List<Books.Entry> Entries, Dictionary<string, long> Balances)
{
    public static async Task<Books> ReadAsync(TestDatabase database)
    {
        await using var connection = await OpenAsync(database);
        var postings = await QueryAsync(connection, """SELECT "Id", "SubjectId", "Kind" FROM ledger_postings""",
            r => new Posting(Guid.Parse(r.GetValue(0).ToString()!), Guid.Parse(r.GetValue(1).ToString()!), r.GetString(2)));
        var entries = await QueryAsync(connection, """SELECT "PostingId", "AccountType", "Currency", "Side", "MinorUnits" FROM ledger_entries""",
            r => new Entry(Guid.Parse(r.GetValue(0).ToString()!), r.GetString(1), r.GetString(2),
                (r.GetString(3) == "Debit" ? 1 : -1) * Convert.ToInt64(r.GetValue(4), CultureInfo.InvariantCulture)));
        var balances = await QueryAsync(connection, """SELECT "AccountId", "MinorUnits" FROM customer_balances""",
            r => (Account: r.GetString(0), Cents: Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture)));
        return new Books(postings, entries, balances.ToDictionary(b => b.Account, b => b.Cents));
    }

    /// <summary>How many rows the table holds, such as the refunds still in <c>refund_outbox</c>.</summary>
    public static async Task<long> CountAsync(TestDatabase database, string table) =>
        Convert.ToInt64(await ScalarAsync(database, $"SELECT COUNT(*) FROM {table}"), CultureInfo.InvariantCulture);

    /// <summary>The first value the query returns (null for none or SQL NULL), such as who holds a job's lease.</summary>
    public static async Task<object?> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? value : null;
    }

    /// <summary>An open connection to the test's database, whichever engine it is on.</summary>
    private static async Task<DbConnection> OpenAsync(TestDatabase database)
    {
        DbConnection connection = database.Provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A posting and what it is for: its subject, the top-up order for a top-up's credit and for its refunds' debits.</summary>
    public sealed record Posting(Guid Id, Guid SubjectId, string Kind);

    /// <summary>One side of a posting, signed: a debit positive, a credit negative.</summary>
    public sealed record Entry(Guid Posting, string AccountType, string Currency, long Signed);
}
