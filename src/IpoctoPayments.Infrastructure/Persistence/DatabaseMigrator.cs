using System.Data.Common;
using IpoctoPayments.Infrastructure.Persistence.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Persistence;

/// <summary>What one migration run did: the database it ran on and the migrations it applied, oldest first (none: the schema was current).</summary>
public sealed record MigrationRun(string Database, IReadOnlyList<string> Applied);

public static class DatabaseMigrator
{
    /// <summary>
    /// At start: applies pending migrations when <see cref="DatabaseOptions.MigrateOnStart"/> says so; otherwise a deploy
    /// step migrates, and an instance refuses to start on a schema older than its code rather than answer 500s.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            await services.MigrateAsync(cancellationToken);
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>().Database;
        IReadOnlyList<string> pending;
        try
        {
            // Opened as a request would open it: a SQLite file that is not there is made, empty, and so refused below. A
            // database that cannot be opened (a server down, a PostgreSQL database not created yet) serves nothing at all,
            // so the instance starts and /health reports it until the database is back or the migrate command has made it.
            await database.OpenConnectionAsync(cancellationToken);
            pending = [.. await database.GetPendingMigrationsAsync(cancellationToken)];
        }
        catch (Exception exception) when (exception is DbException or { InnerException: DbException })
        {
            // Npgsql's execution strategy wraps what it takes for a transient failure in an InvalidOperationException.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator))
                .LogWarning(exception, "Could not check that the database schema is current; starting anyway.");
            return;
        }
        finally
        {
            await database.CloseConnectionAsync();
        }

        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) this build needs ({string.Join(", ", pending)}) and Database:MigrateOnStart is false. "
                + "Apply them first with the API's migrate command (dotnet IpoctoPayments.Api.dll migrate, with the same Database settings), "
                + "or set Database:MigrateOnStart=true.");
        }
    }

    /// <summary>
    /// Creates the database if needed and applies pending migrations, whatever <see cref="DatabaseOptions.MigrateOnStart"/>
    /// says. Instances migrating at once take turns (EF Core's lock on SQLite and SQL Server, an advisory lock of the
    /// service's own on PostgreSQL), so each migration is applied once and the others find the schema current.
    /// </summary>
    public static async Task<MigrationRun> MigrateAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var database = context.Database;
        using var applied = new AppliedMigrations(context.GetService<IMigrator>());
        await using (database.IsNpgsql() ? await PostgreSqlMigrationLock.AcquireAsync(database, cancellationToken) : null)
        {
            await database.MigrateAsync(cancellationToken);
        }

        if (database.IsSqlite())
        {
            // Write-ahead logging lets readers go on while the one writer commits; the setting stays with the file.
            await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var connection = database.GetDbConnection();
        return new MigrationRun(database.IsSqlite() ? connection.DataSource : connection.Database, applied.Ids);
    }
}
