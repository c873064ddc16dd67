using System.Globalization;
using Recents.Api.Common;
using Recents.Api.Errors;

namespace Recents.Api.IModelLists;

/// <summary>
/// The query parameters the iModel lists share (docs/api.md#list-recents), parsed so that every offending one is
/// reported: each parser adds its error detail and returns a value anyway, and the caller answers one 422 with all.
/// </summary>
public static class ListParameters
{
    public const string ITwinId = "iTwinId";
    public const string Top = "$top";
    public const string Skip = "$skip";
    public const string OrderBy = "$orderBy";
    public const string ContinuationToken = "$continuationToken";
    public const int DefaultTop = 100;
    public const int MaxTop = 1000;

    public static Guid ParseITwinId(IQueryCollection query, List<ApiErrorDetail> errors)
    {
        if (!query.TryGetValue(ITwinId, out var values) || values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            errors.Add(new ApiErrorDetail("MissingRequiredParameter", "Required parameter iTwinId is missing.", ITwinId));
            return Guid.Empty;
        }

        if (values.Count > 1 || !Ids.TryParse(values[0], out var iTwinId))
        {
            errors.Add(InvalidValue("iTwinId must be a single GUID.", ITwinId));
            return Guid.Empty;
        }

        return iTwinId;
    }

    public static int ParseTop(IQueryCollection query, List<ApiErrorDetail> errors) =>
        ParseInteger(query, Top, DefaultTop, 1, MaxTop, errors);

    /// <summary>Null when absent.</summary>
    public static int? ParseSkip(IQueryCollection query, List<ApiErrorDetail> errors) =>
        query.ContainsKey(Skip) ? ParseInteger(query, Skip, 0, 0, int.MaxValue, errors) : null;

    /// <summary>Null when absent (most recent first) or invalid.</summary>
    public static IModelOrdering? ParseOrderBy(IQueryCollection query, List<ApiErrorDetail> errors)
    {
        if (!query.TryGetValue(OrderBy, out var values))
        {
            return null;
        }

        if (values.Count == 1 && IModelOrdering.TryParse(values[0] ?? "", out var ordering))
        {
            return ordering;
        }

        errors.Add(InvalidValue("$orderBy must be 'name' or 'createdDateTime', optionally followed by ' asc' or ' desc'.", OrderBy));
        return null;
    }

    public static ApiErrorDetail InvalidValue(string message, string target) => new("InvalidValue", message, target);

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
        errors.Add(InvalidValue($"{name} must be {range}.", name));
        return defaultValue;
    }
}
