using System.Globalization;
using Recents.Api.Common;
using Recents.Api.Errors;

namespace Recents.Api.RecentIModels;

/// <summary>The validated query of <c>GET /imodels/recents</c> (docs/api.md#operations).</summary>
public sealed record ListRecentsQuery(Guid ITwinId, int Top, int Skip, IModelOrdering? OrderBy)
{
    public const string ITwinIdParameter = "iTwinId";
    public const string TopParameter = "$top";
    public const string SkipParameter = "$skip";
    public const string OrderByParameter = "$orderBy";
    public const int DefaultTop = 100;
    public const int MaxTop = 1000;

    /// <summary>Parses every parameter and reports each offending one, so a caller can fix them all at once.</summary>
    public static ListRecentsQuery? Parse(IQueryCollection query, out IReadOnlyList<ApiErrorDetail> errors)
    {
        var found = new List<ApiErrorDetail>();
        var iTwinId = ParseITwinId(query, found);
        var top = ParseInteger(query, TopParameter, DefaultTop, 1, MaxTop, found);
        var skip = ParseInteger(query, SkipParameter, 0, 0, int.MaxValue, found);
        var orderBy = ParseOrderBy(query, found);
        errors = found;
        return found.Count == 0 ? new ListRecentsQuery(iTwinId, top, skip, orderBy) : null;
    }

    private static Guid ParseITwinId(IQueryCollection query, List<ApiErrorDetail> errors)
    {
        if (!query.TryGetValue(ITwinIdParameter, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            errors.Add(new ApiErrorDetail("MissingRequiredParameter", "Required parameter iTwinId is missing.", ITwinIdParameter));
            return Guid.Empty;
        }

        if (values.Count > 1 || !Ids.TryParse(values[0], out var iTwinId))
        {
            errors.Add(new ApiErrorDetail("InvalidValue", "iTwinId must be a single GUID.", ITwinIdParameter));
            return Guid.Empty;
        }

        return iTwinId;
    }

    private static int ParseInteger(IQueryCollection query, string name, int defaultValue, int min, int max, List<ApiErrorDetail> errors)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return defaultValue;
        }

        // Digits only: int.TryParse would also accept trailing NUL characters.
        if (values.Count == 1
            && values[0] is { Length: > 0 } text && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        var range = max == int.MaxValue ? $"an integer of at least {min}" : $"an integer from {min} to {max}";
        errors.Add(new ApiErrorDetail("InvalidValue", $"{name} must be {range}.", name));
        return defaultValue;
    }

    private static IModelOrdering? ParseOrderBy(IQueryCollection query, List<ApiErrorDetail> errors)
    {
        if (!query.TryGetValue(OrderByParameter, out var values))
        {
            return null;
        }

        if (values.Count == 1 && IModelOrdering.TryParse(values[0] ?? "", out var ordering))
        {
            return ordering;
        }

        errors.Add(new ApiErrorDetail(
            "InvalidValue", "$orderBy must be 'name' or 'createdDateTime', optionally followed by ' asc' or ' desc'.", OrderByParameter));
        return null;
    }
}
