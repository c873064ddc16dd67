using System.Diagnostics.Metrics;

namespace Recents.Bench.Alternative.RecentIModels;

/// <summary>
/// How much the optimistic writes contend, for the benchmark to read (e.g. <c>dotnet-counters monitor -n
/// Recents.Bench.Alternative --counters Recents.Bench.Alternative</c>): every lost race, and every request that ran out of attempts.
/// </summary>
public static class RecentsMetrics
{
    public const string MeterName = "Recents.Bench.Alternative";

    private static readonly Meter Meter = new(MeterName);

    public static Counter<long> WriteConflicts { get; } = Meter.CreateCounter<long>(
        "recents.write.conflicts", description: "Conditional writes of a list that lost to a concurrent writer (409/412) and were retried or given up.");

    public static Counter<long> WritesGivenUp { get; } = Meter.CreateCounter<long>(
        "recents.write.given_up", description: "Changes that lost on every attempt (answered 503).");
}
