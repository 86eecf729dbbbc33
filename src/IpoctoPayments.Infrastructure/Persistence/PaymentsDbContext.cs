using Microsoft.EntityFrameworkCore;

namespace IpoctoPayments.Infrastructure.Persistence;

/// <summary>
/// The one model of the service. Each database engine has a subclass only so that its migrations live apart
/// (<see cref="Sqlite.SqlitePaymentsDbContext"/>, <see cref="PostgreSql.PostgreSqlPaymentsDbContext"/>,
/// <see cref="SqlServer.SqlServerPaymentsDbContext"/>); the model is built here, once.
/// </summary>
public class PaymentsDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PaymentsDbContext).Assembly);
    }
}
