using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IpoctoPayments.Infrastructure.Persistence;

public static class DatabaseMigrator
{
    /// <summary>Creates the database if needed and applies pending migrations, when <see cref="DatabaseOptions.MigrateOnStart"/> says so.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>().Database;
        await database.MigrateAsync(cancellationToken);
        if (database.IsSqlite())
        {
            // Write-ahead logging lets readers go on while the one writer commits; the setting stays with the file.
            await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
