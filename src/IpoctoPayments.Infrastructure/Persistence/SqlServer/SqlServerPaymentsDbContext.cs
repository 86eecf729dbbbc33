using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IpoctoPayments.Infrastructure.Persistence.SqlServer;

/// <summary>The model on SqlServer; its own type so that its migrations are its own.</summary>
public sealed class SqlServerPaymentsDbContext(DbContextOptions<SqlServerPaymentsDbContext> options) : PaymentsDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context SqlServerPaymentsDbContext</c> build the model without a host.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPaymentsDbContext>
{
    public SqlServerPaymentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerPaymentsDbContext>().UseSqlServer("Server=localhost;Database=ipocto_payments;TrustServerCertificate=true").Options);
}
