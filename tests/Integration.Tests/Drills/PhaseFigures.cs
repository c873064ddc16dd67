using System.Globalization;

namespace Recents.Integration.Tests.Drills;

/// <summary>What the requests started during one phase of a drill got.</summary>
internal sealed record PhaseFigures(int Acknowledged, int Unavailable, int Other, TimeSpan AcknowledgedP99, TimeSpan Slowest)
{
    public static PhaseFigures Of(IEnumerable<Attempt> attempts, TimeSpan from, TimeSpan to)
    {
        var started = attempts.Where(attempt => attempt.StartedAt >= from && attempt.StartedAt < to).ToList();
        var acknowledged = started.Where(attempt => attempt.Result == AttemptResult.Acknowledged).Select(attempt => attempt.Duration).Order().ToList();
        var unavailable = started.Count(attempt => attempt.Result == AttemptResult.Unavailable);
        return new PhaseFigures(
            acknowledged.Count,
            unavailable,
            started.Count - acknowledged.Count - unavailable,
            acknowledged.Count == 0 ? TimeSpan.Zero : acknowledged[Math.Min(acknowledged.Count - 1, (int)Math.Ceiling(0.99 * acknowledged.Count) - 1)],
            started.Count == 0 ? TimeSpan.Zero : started.Max(attempt => attempt.Duration));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Acknowledged} × 204, {Unavailable} × 503{(Other > 0 ? $", {Other} other" : "")}, 204 p99 {AcknowledgedP99.TotalSeconds:F1} s, slowest {Slowest.TotalSeconds:F1} s");
}
