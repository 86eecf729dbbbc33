using Xunit;

namespace IpoctoPayments.Testing;

/// <summary>
/// Waits for something another process or thread does, checking again every few milliseconds until a deadline: there
/// is no clock to move across a process boundary, nor for work a background job does once the test clock has moved,
/// so the wait is bounded instead of timed.
/// </summary>
public static class Poll
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
