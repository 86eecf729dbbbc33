namespace IpoctoPayments.Crash.Tests;

/// <summary>
/// Waits for something another process does, checking again every few milliseconds until a deadline: there is no
/// clock to move across a process boundary, so the wait is bounded instead of timed.
/// </summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Gave up waiting {timeout.TotalSeconds:0} s for {what}.");
            await tick.WaitForNextTickAsync();
        }
    }
}
