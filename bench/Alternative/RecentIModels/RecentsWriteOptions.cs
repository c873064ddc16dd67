namespace Recents.Bench.Alternative.RecentIModels;

/// <summary>
/// The <c>Recents</c> configuration section: how often a read-modify-write that lost to a concurrent writer (412 on
/// the ETag, or 409 when two writers create the row) is tried again, and how long to wait in between: a random
/// delay from zero to a bound that starts at <see cref="FirstRetryDelayMilliseconds"/> and doubles with each retry
/// up to <see cref="MaxRetryDelayMilliseconds"/> ("full jitter"), so contenders spread out instead of colliding again.
/// </summary>
/// <remarks>
/// Sized on the 2-core development machine with Azurite: 50 concurrent adds for one user needed up to 8 to 10 attempts
/// for the last of them (with 8 allowed, some runs refused one). 16 attempts leave margin; their backoffs add up to
/// at most about 5 s (2.5 s expected), well under a client's timeout. Past them the request answers 503.
/// </remarks>
public sealed class RecentsWriteOptions
{
    public const string SectionName = "Recents";

    public int MaxWriteAttempts { get; set; } = 16;

    public int FirstRetryDelayMilliseconds { get; set; } = 10;

    public int MaxRetryDelayMilliseconds { get; set; } = 500;

    /// <summary>The delay after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var bound = Math.Min(MaxRetryDelayMilliseconds, FirstRetryDelayMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * bound);
    }
}
