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

    /// <summary>Each case on each engine.</summary>
    public static TheoryData<DatabaseProvider, T> Times<T>(IEnumerable<T> cases)
    {
        var data = new TheoryData<DatabaseProvider, T>();
        foreach (var provider in new Databases())
        {
            foreach (var value in cases)
            {
                data.Add(provider, value);
            }
        }

        return data;
    }
}
