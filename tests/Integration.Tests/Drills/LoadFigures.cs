using System.Globalization;

namespace Recents.Integration.Tests.Drills;

/// <summary>What the clients of one drill saw, summed up.</summary>
internal sealed record LoadFigures(
    TimeSpan Duration,
    int Attempts,
    int Acknowledged,
    int Unavailable,
    int ConnectionRefused,
    int ConnectionBroken,
    int TimedOut,
    int Unexpected,
    int UsersWithAdds,
    TimeSpan AcknowledgedP50,
    TimeSpan AcknowledgedP99,
    TimeSpan SlowestAttempt,
    IReadOnlyList<string> UnexpectedSamples)
{
    public int Failed => Attempts - Acknowledged;

    public static LoadFigures From(IReadOnlyList<Attempt> attempts, AcknowledgedAdds adds, TimeSpan duration)
    {
        int Count(AttemptResult result) => attempts.Count(attempt => attempt.Result == result);
        var acknowledged = attempts.Where(attempt => attempt.Result == AttemptResult.Acknowledged)
            .Select(attempt => attempt.Duration).Order().ToList();
        return new LoadFigures(
            duration,
            attempts.Count,
            acknowledged.Count,
            Count(AttemptResult.Unavailable),
            Count(AttemptResult.ConnectionRefused),
            Count(AttemptResult.ConnectionBroken),
            Count(AttemptResult.TimedOut),
            Count(AttemptResult.Unexpected),
            adds.UsersWithAdds.Count(),
            Percentile(acknowledged, 0.50),
            Percentile(acknowledged, 0.99),
            attempts.Count == 0 ? TimeSpan.Zero : attempts.Max(attempt => attempt.Duration),
            attempts.Where(attempt => attempt.Result is AttemptResult.Unexpected or AttemptResult.ConnectionBroken)
                .Select(attempt => $"{attempt.Result} at {attempt.StartedAt.TotalSeconds:F1}s: {attempt.Detail}").Take(5).ToList());
    }

    /// <summary>From <paramref name="since"/>, how long until the last request that did not get a 204 ended.</summary>
    public static TimeSpan DisruptionAfter(IReadOnlyList<Attempt> attempts, TimeSpan since) =>
        attempts.Where(attempt => attempt.Result != AttemptResult.Acknowledged && attempt.EndedAt >= since)
            .Select(attempt => attempt.EndedAt - since).DefaultIfEmpty(TimeSpan.Zero).Max();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Attempts} requests in {Duration.TotalSeconds:F0} s over {UsersWithAdds} users: {Acknowledged} × 204, {Unavailable} × 503, "
        + $"{ConnectionRefused} refused, {ConnectionBroken} broken, {TimedOut} timed out, {Unexpected} unexpected; "
        + $"204 p50 {AcknowledgedP50.TotalMilliseconds:F0} ms, p99 {AcknowledgedP99.TotalMilliseconds:F0} ms, slowest request {SlowestAttempt.TotalSeconds:F1} s");

    private static TimeSpan Percentile(IReadOnlyList<TimeSpan> sorted, double fraction) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}
