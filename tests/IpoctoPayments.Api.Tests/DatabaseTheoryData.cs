using IpoctoPayments.Infrastructure.Persistence;

namespace IpoctoPayments.Api.Tests;

/// <summary>Every integration test runs on SQLite (the sandbox's engine) and on PostgreSQL (the tested server engine).</summary>
public sealed class Databases : TheoryData<DatabaseProvider>
{
    public Databases()
    {
        Add(DatabaseProvider.Sqlite);
        Add(DatabaseProvider.PostgreSql);
    }
}
