using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace Recents.Bench.Tools;

/// <summary>Timings of many operations from many tasks, summed up as one JSON line the bench script reads.</summary>
internal sealed class Latencies
{
    private readonly ConcurrentBag<double> milliseconds = [];
    private int errors;

    public void Record(TimeSpan elapsed) => milliseconds.Add(elapsed.TotalMilliseconds);

    public void Error() => Interlocked.Increment(ref errors);

    public string Summary(TimeSpan duration, IReadOnlyDictionary<string, object>? extra = null)
    {
        var sorted = milliseconds.Order().ToArray();
        double Percentile(double fraction) =>
            sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
        var summary = new Dictionary<string, object>
        {
            ["requests"] = sorted.Length,
            ["errors"] = errors,
            ["rps"] = Math.Round(sorted.Length / duration.TotalSeconds, 1),
            ["p50ms"] = Math.Round(Percentile(0.50), 2),
            ["p99ms"] = Math.Round(Percentile(0.99), 2),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, object>())
        {
            summary[key] = value;
        }

        return JsonSerializer.Serialize(summary);
    }

    public static string Format(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}
