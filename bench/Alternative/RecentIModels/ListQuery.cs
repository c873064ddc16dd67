using System.Globalization;

namespace Recents.Bench.Alternative.RecentIModels;

/// <summary>
/// The query of <c>GET /imodels/recents</c>: <c>iTwinId</c> (a GUID, required), <c>$top</c> (1..1000, default 100) and
/// <c>$skip</c> (at least 0, default 0). <c>$orderBy</c> is not supported (ignored): the benchmark lists in
/// most-recently-used order.
/// </summary>
public sealed record ListQuery(Guid ITwinId, int Top, int Skip)
{
    public const string ITwinIdParameter = "iTwinId";
    public const string TopParameter = "$top";
    public const string SkipParameter = "$skip";

    /// <summary>The query, or null and the first offending parameter's message.</summary>
    public static ListQuery? Parse(IQueryCollection query, out string? error)
    {
        error = null;
        if (!query.TryGetValue(ITwinIdParameter, out var iTwinIds) || iTwinIds.Count != 1
            || !Guid.TryParseExact(iTwinIds[0], "D", out var iTwinId))
        {
            error = "iTwinId is required and must be a single GUID.";
            return null;
        }

        if (!TryParseInteger(query, TopParameter, 100, 1, 1000, out var top) || !TryParseInteger(query, SkipParameter, 0, 0, int.MaxValue, out var skip))
        {
            error = "$top must be an integer from 1 to 1000 and $skip an integer of at least 0.";
            return null;
        }

        return new ListQuery(iTwinId, top, skip);
    }

    private static bool TryParseInteger(IQueryCollection query, string name, int defaultValue, int min, int max, out int value)
    {
        value = defaultValue;
        if (!query.TryGetValue(name, out var values))
        {
            return true;
        }

        return values.Count == 1
            && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max;
    }
}
