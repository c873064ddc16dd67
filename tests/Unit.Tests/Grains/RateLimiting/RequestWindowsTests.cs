using Recents.Grains.RateLimiting;
using Recents.RateLimiting;

namespace Recents.Unit.Tests.Grains.RateLimiting;

/// <summary>The budget arithmetic of the per-client rate-limit grain, at chosen instants.</summary>
public sealed class RequestWindowsTests
{
    private static readonly DateTimeOffset NineOClock = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly RequestBudget FivePerMinuteTwelvePerHour = new(PerMinute: 5, PerHour: 12);

    [Fact]
    public void Lease_WhileTheMinuteHasRoom_GrantsWhatIsAskedUntilTheMinuteEnds()
    {
        var (lease, _) = RequestWindows.Empty.Lease(NineOClock.AddSeconds(10), FivePerMinuteTwelvePerHour, 3);

        Assert.Equal(3, lease.Granted);
        Assert.Equal(NineOClock, lease.MinuteStart);
        Assert.Equal(TimeSpan.FromSeconds(50), lease.ValidFor);
    }

    [Fact]
    public void Lease_BeyondTheMinutesRoom_GrantsWhatIsLeftThenRefusesUntilTheNextMinute()
    {
        var now = NineOClock.AddSeconds(20);
        var (first, windows) = RequestWindows.Empty.Lease(now, FivePerMinuteTwelvePerHour, 4);
        var (second, afterSecond) = windows.Lease(now, FivePerMinuteTwelvePerHour, 4);
        var (refused, _) = afterSecond.Lease(now.AddSeconds(5), FivePerMinuteTwelvePerHour, 4);

        Assert.Equal([4, 1, 0], new[] { first.Granted, second.Granted, refused.Granted });
        Assert.Equal(TimeSpan.FromSeconds(35), refused.RetryAfter);
    }

    [Fact]
    public void Lease_InANewMinute_HasItsWholeBudget()
    {
        var (_, spent) = RequestWindows.Empty.Lease(NineOClock.AddSeconds(59), FivePerMinuteTwelvePerHour, 5);

        var (lease, _) = spent.Lease(NineOClock.AddMinutes(1), FivePerMinuteTwelvePerHour, 5);

        Assert.Equal(5, lease.Granted);
    }

    [Fact]
    public void Lease_WithTheHourSpent_RefusesUntilTheHourEndsEvenWhenTheMinuteHasRoom()
    {
        var windows = RequestWindows.Empty;
        for (var minute = 0; minute < 3; minute++)
        {
            (_, windows) = windows.Lease(NineOClock.AddMinutes(minute), FivePerMinuteTwelvePerHour, 5);
        }

        var now = NineOClock.AddMinutes(10);
        var (refused, _) = windows.Lease(now, FivePerMinuteTwelvePerHour, 1);

        Assert.Equal(0, refused.Granted);
        Assert.Equal(TimeSpan.FromMinutes(50), refused.RetryAfter);
    }

    [Fact]
    public void Lease_NearTheHoursBudget_IsCappedByTheHour()
    {
        var windows = RequestWindows.Empty;
        (_, windows) = windows.Lease(NineOClock, FivePerMinuteTwelvePerHour, 5);
        (_, windows) = windows.Lease(NineOClock.AddMinutes(1), FivePerMinuteTwelvePerHour, 5);

        var (lease, _) = windows.Lease(NineOClock.AddMinutes(2), FivePerMinuteTwelvePerHour, 5);

        Assert.Equal(2, lease.Granted);
    }

    [Fact]
    public void Lease_InANewHour_StartsAfresh()
    {
        var windows = RequestWindows.Empty;
        for (var minute = 55; minute < 58; minute++)
        {
            (_, windows) = windows.Lease(NineOClock.AddMinutes(minute), FivePerMinuteTwelvePerHour, 5);
        }

        var (lease, _) = windows.Lease(NineOClock.AddHours(1), FivePerMinuteTwelvePerHour, 5);

        Assert.Equal(5, lease.Granted);
    }

    [Fact]
    public void UnspentPermits_GivenBackInTheirMinute_CanBeGrantedAgain()
    {
        var now = NineOClock.AddSeconds(5);
        var (first, spent) = RequestWindows.Empty.Lease(now, FivePerMinuteTwelvePerHour, 5);

        var (again, _) = spent.Lease(now.AddSeconds(1), FivePerMinuteTwelvePerHour, 5, new UnspentPermits(first.MinuteStart, 3));

        Assert.Equal(3, again.Granted);
    }

    [Fact]
    public void UnspentPermits_OfAnEarlierMinute_AreGivenBackToTheHourOnly()
    {
        var (first, windows) = RequestWindows.Empty.Lease(NineOClock, FivePerMinuteTwelvePerHour, 5);
        (_, windows) = windows.Lease(NineOClock.AddMinutes(1), FivePerMinuteTwelvePerHour, 5);

        var (third, _) = windows.Lease(
            NineOClock.AddMinutes(1).AddSeconds(30), FivePerMinuteTwelvePerHour, 5, new UnspentPermits(first.MinuteStart, 4));

        Assert.Equal(0, third.Granted); // the minute is spent: the permits given back were the previous minute's
        var (nextMinute, _) = windows.Lease(NineOClock.AddMinutes(2), FivePerMinuteTwelvePerHour, 5, new UnspentPermits(first.MinuteStart, 4));
        Assert.Equal(5, nextMinute.Granted); // 10 counted, 4 given back: 6 of 12 left in the hour
    }
}
