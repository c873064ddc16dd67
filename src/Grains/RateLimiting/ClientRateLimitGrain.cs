using Recents.RateLimiting;

namespace Recents.Grains.RateLimiting;

/// <summary>
/// Counts one client's admitted requests in fixed UTC minute and hour windows. In memory only: if its silo
/// fails, the counts of the current windows restart from zero (the documented tolerance).
/// </summary>
[GrainType("clientratelimit")]
public sealed class ClientRateLimitGrain(TimeProvider time) : Grain, IClientRateLimitGrain
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private FixedWindow minute = new(DateTimeOffset.MinValue, 0);
    private FixedWindow hour = new(DateTimeOffset.MinValue, 0);

    public Task<PermitLease> LeaseAsync(RequestBudget budget, int wanted)
    {
        var now = time.GetUtcNow();
        minute = minute.At(now, Minute);
        hour = hour.At(now, Hour);

        var leftInMinute = budget.PerMinute - minute.Count;
        var leftInHour = budget.PerHour - hour.Count;
        var granted = Math.Clamp(wanted, 0, Math.Max(0, Math.Min(leftInMinute, leftInHour)));
        minute = minute with { Count = minute.Count + granted };
        hour = hour with { Count = hour.Count + granted };

        var retryAt = granted > 0 ? now
            : leftInHour <= 0 ? hour.Start + Hour
            : minute.Start + Minute;
        return Task.FromResult(new PermitLease(granted, minute.Start + Minute, retryAt - now));
    }

    private sealed record FixedWindow(DateTimeOffset Start, int Count)
    {
        /// <summary>This window, or a new empty one when <paramref name="now"/> is past its end.</summary>
        public FixedWindow At(DateTimeOffset now, TimeSpan length)
        {
            var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % length.Ticks), TimeSpan.Zero);
            return start == Start ? this : new FixedWindow(start, 0);
        }
    }
}
