using Microsoft.Data.Sqlite;
using Npgsql;

namespace IpoctoPayments.Bench;

/// <summary>The API's database for one run: a fresh SQLite file, or a fresh database on the given PostgreSQL server. Dropped afterwards.</summary>
internal sealed class BenchDatabaseServer : IAsyncDisposable
{
    private readonly string? postgresAdmin;
    private readonly string? databaseName;
    private readonly string? sqliteDirectory;

    private BenchDatabaseServer(BenchDatabase kind, string connectionString, string? postgresAdmin, string? databaseName, string? sqliteDirectory)
    {
        Kind = kind;
        ConnectionString = connectionString;
        this.postgresAdmin = postgresAdmin;
        this.databaseName = databaseName;
        this.sqliteDirectory = sqliteDirectory;
    }

    public BenchDatabase Kind { get; }

    public string ConnectionString { get; }

    /// <summary>The API's <c>Database:Provider</c> setting.</summary>
    public string ApiProvider => Kind == BenchDatabase.Postgres ? "PostgreSql" : "Sqlite";

    public static async Task<BenchDatabaseServer> CreateAsync(BenchDatabase kind, string? postgres)
    {
        if (kind == BenchDatabase.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("ipocto-bench-").FullName;
            var file = Path.Combine(directory, "payments.db");
            return new BenchDatabaseServer(kind, $"Data Source={file}", null, null, directory);
        }

        var name = $"ipocto_bench_{Guid.NewGuid():N}"[..24];
        await CreatePostgresDatabaseAsync(postgres!, name);
        var builder = new NpgsqlConnectionStringBuilder(postgres) { Database = name };
        return new BenchDatabaseServer(kind, builder.ConnectionString, postgres, name, null);
    }

    public static async Task CreatePostgresDatabaseAsync(string server, string name)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropPostgresDatabaseAsync(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (databaseName is not null)
        {
            await DropPostgresDatabaseAsync(postgresAdmin!, databaseName);
        }

        if (sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteDirectory, recursive: true);
        }
    }
}
