using System.Collections.Concurrent;
using IpoctoPayments.Infrastructure.Persistence;
using IpoctoPayments.Testing;

namespace IpoctoPayments.Api.Tests.Support;

/// <summary>
/// One database and system per engine, shared by the tests of one class that write nothing (or check only their own
/// account): starting a system and migrating a database is the expensive part of a test.
/// </summary>
public sealed class SharedSystems : IAsyncDisposable
{
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<(TestDatabase Database, PaymentsSystem System)>>> started = new();

    public async Task<PaymentsSystem> ForAsync(DatabaseProvider provider)
    {
        TestDatabase.SkipUnlessAvailable(provider);
        var entry = started.GetOrAdd(provider, p => new Lazy<Task<(TestDatabase, PaymentsSystem)>>(async () =>
        {
            var database = await TestDatabase.CreateAsync(p);
            return (database, await PaymentsSystem.StartAsync(database));
        }));
        return (await entry.Value).System;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var entry in started.Values.Where(e => e.IsValueCreated))
        {
            var (database, system) = await entry.Value;
            await system.DisposeAsync();
            await database.DisposeAsync();
        }
    }
}
