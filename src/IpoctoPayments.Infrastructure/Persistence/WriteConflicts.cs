using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IpoctoPayments.Infrastructure.Persistence;

/// <summary>Recognises "another writer got there first" on each engine: a moved concurrency token or a taken unique key.</summary>
internal static class WriteConflicts
{
    public static bool IsWriteConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsUniqueViolation(inner) || IsBusy(inner),
        _ => IsBusy(exception),
    };

    public static bool IsUniqueViolation(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };

    // SQLite has one writer at a time: a transaction that lost the race to write is retried whole.
    private static bool IsBusy(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 }
        || exception is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };
}
