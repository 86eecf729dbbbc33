namespace IpoctoPayments.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>The <c>Database</c> section: which engine, and where.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=ipocto-payments.db";

    /// <summary>Apply pending migrations at start (the sandbox and single-instance setups); off where a deploy step migrates.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
