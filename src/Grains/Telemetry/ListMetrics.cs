using System.Diagnostics.Metrics;

namespace Recents.Grains.Telemetry;

/// <summary>
/// What happens to users' lists, on the meter <c>Recents.Grains</c> (docs/observability.md#metrics). No attribute names a
/// user: a list is only ever <c>recents</c> or <c>favorites</c>.
/// </summary>
public sealed class ListMetrics
{
    public const string MeterName = "Recents.Grains";
    public const string WritesInstrument = "recents.list.writes";
    public const string SizeInstrument = "recents.list.size";
    public const string AccessInstrument = "recents.access.decisions";
    public const string ListTag = "recents.list";
    public const string ChangeTag = "recents.list.change";
    public const string DecisionTag = "recents.access.decision";

    public const string Recents = "recents";
    public const string Favorites = "favorites";
    public const string Added = "add";
    public const string Removed = "remove";
    public const string Granted = "granted";
    public const string NotFound = "not_found";

    private readonly Counter<long> writes;
    private readonly Histogram<int> sizes;
    private readonly Counter<long> decisions;

    public ListMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        writes = meter.CreateCounter<long>(
            WritesInstrument, "{write}", "Acknowledged writes of a user's list (an add or a remove that reached storage)");
        sizes = meter.CreateHistogram(
            SizeInstrument,
            "{iModel}",
            "Entries in a user's list after each acknowledged write",
            tags: null,
            new InstrumentAdvice<int> { HistogramBucketBoundaries = [0, 1, 5, 10, 25, 50, 100, 250, 500, 1000] });
        decisions = meter.CreateCounter<long>(
            AccessInstrument, "{decision}", "Whether a caller may view the iModel or iTwin a request names; not_found is answered 404");
    }

    public void Written(string list, string change, int size)
    {
        var listTag = new KeyValuePair<string, object?>(ListTag, list);
        writes.Add(1, listTag, new KeyValuePair<string, object?>(ChangeTag, change));
        sizes.Record(size, listTag);
    }

    public void Decided(string list, bool granted) =>
        decisions.Add(1, new KeyValuePair<string, object?>(ListTag, list), new KeyValuePair<string, object?>(DecisionTag, granted ? Granted : NotFound));
}
