using IpoctoPayments.Application.Common.RateLimiting;

namespace IpoctoPayments.Application.Tests;

public sealed class FixedWindowTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void A_moment_falls_in_the_whole_minute_that_holds_it_whatever_its_offset()
    {
        var moment = new DateTimeOffset(2026, 12, 5, 10, 30, 20, 250, TimeSpan.FromHours(8));

        var window = FixedWindow.Holding(moment, Minute);

        Assert.Equal(new DateTimeOffset(2026, 12, 5, 2, 30, 0, TimeSpan.Zero), window.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 2, 31, 0, TimeSpan.Zero), window.End);
        Assert.Equal(TimeSpan.FromSeconds(39.75), window.End - moment);
    }

    [Fact]
    public void A_window_holds_its_start_and_the_next_one_begins_at_its_end()
    {
        var start = new DateTimeOffset(2026, 12, 5, 2, 30, 0, TimeSpan.Zero);

        Assert.Equal(start, FixedWindow.Holding(start, Minute).Start);
        Assert.Equal(start, FixedWindow.Holding(start.AddMinutes(1).AddTicks(-1), Minute).Start);
        Assert.Equal(start.AddMinutes(1), FixedWindow.Holding(start.AddMinutes(1), Minute).Start);
    }

    [Fact]
    public void Windows_of_any_length_are_laid_from_the_unix_epoch()
    {
        var moment = DateTimeOffset.UnixEpoch.AddSeconds((7 * 3600) + 125);

        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(7 * 3600), FixedWindow.Holding(moment, TimeSpan.FromHours(1)).Start);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds((7 * 3600) + 120), FixedWindow.Holding(moment, TimeSpan.FromSeconds(7.5)).Start);
    }
}
