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
    private readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<PaymentsSystem>>> started = new();

    public async Task<PaymentsSystem> ForAsync(DatabaseProvider provider)
    {
        TestDatabase.SkipUnlessAvailable(provider);
        return await started.GetOrAdd(provider, p => new Lazy<Task<PaymentsSystem>>(() => PaymentsSystem.StartAsync(p))).Value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var entry in started.Values.Where(e => e.IsValueCreated))
        {
            await (await entry.Value).DisposeAsync();
        }
    }
}
