using IpoctoPayments.Infrastructure.Persistence;
using Npgsql;
using Xunit;

namespace IpoctoPayments.Testing;

/// <summary>
/// A database of its own for one test: a SQLite file, or a fresh database on the PostgreSQL server that
/// <c>.ci/run</c> starts (its connection string in <c>IPOCTO_TEST_POSTGRES</c>). Dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "IPOCTO_TEST_POSTGRES";

    private readonly Func<Task> drop;

    private TestDatabase(DatabaseProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.drop = drop;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// Skips the calling test (with the reason printed) when PostgreSQL is wanted but not running here; in CI a missing
    /// server fails instead, since CI must exercise PostgreSQL.
    /// </summary>
    public static void SkipUnlessAvailable(DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.PostgreSql || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresVariable)))
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{PostgresVariable} is not set: CI must run the PostgreSQL tests (.ci/run starts the server).");
        }

        Skip.If(true, $"PostgreSQL not available: {PostgresVariable} is not set. `bash .ci/run` starts a throwaway server and runs these tests.");
    }

    /// <summary>A database someone else made and will remove (a Testcontainers server, say).</summary>
    public static TestDatabase External(DatabaseProvider provider, string connectionString) =>
        new(provider, connectionString, () => Task.CompletedTask);

    /// <summary>An empty database of its own: a new PostgreSQL database, or the name of a SQLite file that does not exist yet.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = NotYetCreated(provider);
        if (provider == DatabaseProvider.PostgreSql)
        {
            var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
            await ExecuteAsync(Environment.GetEnvironmentVariable(PostgresVariable)!, $"CREATE DATABASE \"{name}\"");
        }

        return database;
    }

    /// <summary>A database nobody has created yet, on either engine, for a test of what creates it; dropped afterwards if something did.</summary>
    public static TestDatabase NotYetCreated(DatabaseProvider provider)
    {
        SkipUnlessAvailable(provider);
        if (provider == DatabaseProvider.PostgreSql)
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable)!;
            var name = $"ipocto_test_{Guid.NewGuid():N}";
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            return new TestDatabase(provider, connection, async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            });
        }

        var folder = Path.Combine(Path.GetTempPath(), "ipocto-payments-tests");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=false", () =>
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }

            return Task.CompletedTask;
        });
    }

    public async ValueTask DisposeAsync() => await drop();

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
