using Recents.Api.Errors;
using Recents.Api.IModelLists;

namespace Recents.Api.RecentIModels;

/// <summary>The validated query of <c>GET /imodels/recents</c> (docs/api.md#list-recents).</summary>
public sealed record ListRecentsQuery(Guid ITwinId, int Top, int Skip, IModelOrdering? OrderBy)
{
    /// <summary>Parses every parameter and reports each offending one, so a caller can fix them all at once.</summary>
    public static ListRecentsQuery? Parse(IQueryCollection query, out IReadOnlyList<ApiErrorDetail> errors)
    {
        var found = new List<ApiErrorDetail>();
        var iTwinId = ListParameters.ParseITwinId(query, found);
        var top = ListParameters.ParseTop(query, found);
        var skip = ListParameters.ParseSkip(query, found) ?? 0;
        var orderBy = ListParameters.ParseOrderBy(query, found);
        errors = found;
        return found.Count == 0 ? new ListRecentsQuery(iTwinId, top, skip, orderBy) : null;
    }
}
