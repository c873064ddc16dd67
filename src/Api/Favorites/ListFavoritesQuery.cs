using Recents.Api.Errors;
using Recents.Api.IModelLists;

namespace Recents.Api.Favorites;

/// <summary>
/// The validated query of <c>GET /imodels/favorites</c> (docs/api.md#favorites). It pages by continuation token, or by
/// <c>$skip</c> when the caller sends <c>$skip</c> or <c>$orderBy</c>; a token cannot come with either.
/// </summary>
public sealed record ListFavoritesQuery(Guid ITwinId, int Top, int? Skip, IModelOrdering? OrderBy, string? ContinuationToken)
{
    public bool PagesBySkip => Skip is not null || OrderBy is not null;

    /// <summary>Parses every parameter and reports each offending one, so a caller can fix them all at once.</summary>
    public static ListFavoritesQuery? Parse(IQueryCollection query, out IReadOnlyList<ApiErrorDetail> errors)
    {
        var found = new List<ApiErrorDetail>();
        var iTwinId = ListParameters.ParseITwinId(query, found);
        var top = ListParameters.ParseTop(query, found);
        var skip = ListParameters.ParseSkip(query, found);
        var orderBy = ListParameters.ParseOrderBy(query, found);
        var token = ParseContinuationToken(query, found);
        if (token is not null || found.Any(error => error.Target == ListParameters.ContinuationToken))
        {
            foreach (var excluded in new[] { ListParameters.Skip, ListParameters.OrderBy }.Where(query.ContainsKey))
            {
                found.Add(ListParameters.InvalidValue($"{excluded} cannot be combined with {ListParameters.ContinuationToken}.", excluded));
            }
        }

        errors = found;
        return found.Count == 0 ? new ListFavoritesQuery(iTwinId, top, skip, orderBy, token) : null;
    }

    /// <summary>
    /// Null when absent or empty: Bentley documents an empty token as the way to ask for the first page
    /// (docs/api.md#favorites).
    /// </summary>
    private static string? ParseContinuationToken(IQueryCollection query, List<ApiErrorDetail> errors)
    {
        if (!query.TryGetValue(ListParameters.ContinuationToken, out var values) || values is [""])
        {
            return null;
        }

        if (values is [{ Length: > 0 } token])
        {
            return token;
        }

        errors.Add(InvalidToken);
        return null;
    }

    public static readonly ApiErrorDetail InvalidToken = ListParameters.InvalidValue(
        "$continuationToken must be a token from the next link of an earlier page of this list.", ListParameters.ContinuationToken);
}
