using Recents.RateLimiting;

namespace Recents.Grains.RateLimiting;

/// <summary>
/// Permits granted to one client in the current fixed UTC minute and hour. A pure value, so the budget
/// arithmetic is testable without a cluster or a clock.
/// </summary>
public sealed record RequestWindows(DateTimeOffset MinuteStart, int InMinute, DateTimeOffset HourStart, int InHour)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public static readonly RequestWindows Empty = new(DateTimeOffset.MinValue, 0, DateTimeOffset.MinValue, 0);

    /// <summary>
    /// Takes back <paramref name="unspent"/> permits (from the windows they were counted in, if still current),
    /// then grants up to <paramref name="wanted"/> at <paramref name="now"/>. A lease is valid to the end of its
    /// minute; a refusal says how long until the window that refused (the hour, if it is spent, else the minute)
    /// starts over.
    /// </summary>
    public (PermitLease Lease, RequestWindows Next) Lease(DateTimeOffset now, RequestBudget budget, int wanted, UnspentPermits? unspent = null)
    {
        var current = Roll(now).TakeBack(unspent);
        var left = Math.Max(0, Math.Min(budget.PerMinute - current.InMinute, budget.PerHour - current.InHour));
        var granted = Math.Clamp(wanted, 0, left);
        var minuteEnd = current.MinuteStart + Minute;
        var retryAt = granted > 0 ? now
            : current.InHour >= budget.PerHour ? current.HourStart + Hour
            : minuteEnd;
        var next = current with { InMinute = current.InMinute + granted, InHour = current.InHour + granted };
        return (new PermitLease(granted, current.MinuteStart, minuteEnd - now, retryAt - now), next);
    }

    private RequestWindows TakeBack(UnspentPermits? unspent)
    {
        if (unspent is not { Count: > 0 })
        {
            return this;
        }

        return this with
        {
            InMinute = unspent.MinuteStart == MinuteStart ? Math.Max(0, InMinute - unspent.Count) : InMinute,
            InHour = StartOf(unspent.MinuteStart, Hour) == HourStart ? Math.Max(0, InHour - unspent.Count) : InHour,
        };
    }

    /// <summary>These windows, with each one that <paramref name="now"/> has left behind started afresh.</summary>
    private RequestWindows Roll(DateTimeOffset now)
    {
        var minuteStart = StartOf(now, Minute);
        var hourStart = StartOf(now, Hour);
        return new RequestWindows(
            minuteStart, minuteStart == MinuteStart ? InMinute : 0,
            hourStart, hourStart == HourStart ? InHour : 0);
    }

    private static DateTimeOffset StartOf(DateTimeOffset now, TimeSpan length) =>
        new(now.UtcTicks - (now.UtcTicks % length.Ticks), TimeSpan.Zero);
}
