namespace IpoctoPayments.Application.Tests;

/// <summary>A fresh harness per test (xunit makes one instance per test), disposed after it.</summary>
public abstract class ApplicationTest : IAsyncLifetime
{
    protected PaymentsHarness App { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => App.DisposeAsync().AsTask();
}
