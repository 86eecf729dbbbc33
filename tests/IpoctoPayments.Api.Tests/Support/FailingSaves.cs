using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Infrastructure.Persistence.PostgreSql;
using IpoctoPayments.Infrastructure.Persistence.Sqlite;
using IpoctoPayments.Infrastructure.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace IpoctoPayments.Api.Tests.Support;

/// <summary>
/// An EF Core interceptor that, once armed, fails every save as if another writer always got there first
/// (<see cref="DbUpdateConcurrencyException"/>), and counts the saves it failed.
/// </summary>
internal sealed class FailingSaves : SaveChangesInterceptor
{
    private int armed;
    private int failed;

    /// <summary>Saves failed since the last <see cref="Arm"/>.</summary>
    public int Failed => Volatile.Read(ref failed);

    public void Arm()
    {
        Volatile.Write(ref failed, 0);
        Volatile.Write(ref armed, 1);
    }

    public void Disarm() => Volatile.Write(ref armed, 0);

    /// <summary>
    /// Adds this interceptor to the API's context. The API pools its contexts (AddDbContextPool), whose options are built
    /// once from every <c>ConfigureDbContext</c> of the context's own type: so the engine's subclass is the one configured.
    /// </summary>
    public Action<IServiceCollection> AddTo(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => services => services.ConfigureDbContext<PostgreSqlPaymentsDbContext>(o => o.AddInterceptors(this), ServiceLifetime.Singleton),
        DatabaseProvider.SqlServer => services => services.ConfigureDbContext<SqlServerPaymentsDbContext>(o => o.AddInterceptors(this), ServiceLifetime.Singleton),
        _ => services => services.ConfigureDbContext<SqlitePaymentsDbContext>(o => o.AddInterceptors(this), ServiceLifetime.Singleton),
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        FailIfArmed();
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        FailIfArmed();
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void FailIfArmed()
    {
        if (Volatile.Read(ref armed) == 1)
        {
            Interlocked.Increment(ref failed);
            throw new DbUpdateConcurrencyException("Injected by the test: another writer changed these rows first.");
        }
    }
}
