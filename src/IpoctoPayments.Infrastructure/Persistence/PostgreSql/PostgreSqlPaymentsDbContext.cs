using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IpoctoPayments.Infrastructure.Persistence.PostgreSql;

/// <summary>The model on PostgreSql; its own type so that its migrations are its own.</summary>
public sealed class PostgreSqlPaymentsDbContext(DbContextOptions<PostgreSqlPaymentsDbContext> options) : PaymentsDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context PostgreSqlPaymentsDbContext</c> build the model without a host.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlPaymentsDbContext>
{
    public PostgreSqlPaymentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlPaymentsDbContext>().UseNpgsql("Host=localhost;Database=ipocto_payments").Options);
}
