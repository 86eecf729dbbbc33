using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IpoctoPayments.Infrastructure.Persistence.Sqlite;

/// <summary>The model on Sqlite; its own type so that its migrations are its own.</summary>
public sealed class SqlitePaymentsDbContext(DbContextOptions<SqlitePaymentsDbContext> options) : PaymentsDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context SqlitePaymentsDbContext</c> build the model without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePaymentsDbContext>
{
    public SqlitePaymentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePaymentsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
