using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace IpoctoPayments.Infrastructure.Persistence.PostgreSql;

/// <summary>
/// One migrator at a time on a PostgreSQL database, for its whole run. EF Core's own lock (<c>LOCK TABLE</c> on the
/// history table) ends with each migration's transaction: between two migrations another instance takes it, reads the
/// history and applies the next migration as well, and one of the two fails half-way through the list. An advisory
/// lock in a transaction of its own, on a connection of its own, is held from before the history is read until the last
/// migration is committed; closing the connection ends it, and PostgreSQL drops it if the process dies.
/// </summary>
internal static class PostgreSqlMigrationLock
{
    // Any number of the service's own: advisory locks are local to a database, so it meets only this database's migrators.
    private const long Key = 0x6970_6F63_746F_4D47; // "ipoctoMG"

    public static async Task<IAsyncDisposable> AcquireAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        await CreateIfMissingAsync(database.GetService<IRelationalDatabaseCreator>(), cancellationToken);

        // Not pooled: closing the connection must end the transaction, and the lock with it.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.GetConnectionString()) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // A transaction's lock rather than a session's: PgBouncer in transaction mode keeps one server connection for an
            // open transaction, where a session lock would stay behind on whichever server connection took it.
            await connection.BeginTransactionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Instances starting at once on a server without the database all find it missing; EF Core forgives the second
    /// <c>CREATE DATABASE</c> only while the first is still running, not once it has committed.
    /// </summary>
    private static async Task CreateIfMissingAsync(IRelationalDatabaseCreator creator, CancellationToken cancellationToken)
    {
        if (await creator.ExistsAsync(cancellationToken))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it a moment ago.
        }
    }
}
