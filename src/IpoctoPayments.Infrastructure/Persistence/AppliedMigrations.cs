using System.Diagnostics;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IpoctoPayments.Infrastructure.Persistence;

/// <summary>
/// The migrations one migrator applies, as EF Core announces each: what this run did, which the history table cannot
/// tell apart from what another instance migrating the same database at the same moment did.
/// </summary>
internal sealed class AppliedMigrations : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IMigrator migrator;
    private readonly List<string> ids = [];
    private readonly List<IDisposable> subscriptions = [];
    private readonly IDisposable listeners;

    public AppliedMigrations(IMigrator migrator)
    {
        this.migrator = migrator;
        listeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public IReadOnlyList<string> Ids
    {
        get
        {
            lock (ids)
            {
                return [.. ids];
            }
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.MigrationApplying.Name));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // Other contexts in the process (tests host several APIs) announce their own migrations on the same listener.
        if (value.Value is MigrationEventData applying && ReferenceEquals(applying.Migrator, migrator))
        {
            lock (ids)
            {
                ids.Add(applying.Migration.GetType().GetCustomAttribute<MigrationAttribute>()!.Id);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        listeners.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}
