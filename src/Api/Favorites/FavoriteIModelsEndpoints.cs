using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Recents.Api.Authentication;
using Recents.Api.Common;
using Recents.Api.ContentNegotiation;
using Recents.Api.Errors;
using Recents.Api.IModelLists;
using Recents.Api.OpenApi;
using Recents.Api.Proxy;
using Recents.Gatekeeper;
using Recents.PlatformDirectory;

namespace Recents.Api.Favorites;

/// <summary>
/// <c>/imodels/favorites</c>: authenticate, then one call to the silo's <see cref="IFavoritesGatekeeperGrain"/>, which
/// authorizes against the directory and calls the user's favorites grain.
/// </summary>
public static class FavoriteIModelsEndpoints
{
    private static readonly ErrorResult LimitReached =
        new(StatusCodes.Status409Conflict, ApiErrors.FavoritesLimitReached(FavoritesLimits.Capacity));

    public static IEndpointRouteBuilder MapFavoriteIModels(this IEndpointRouteBuilder app)
    {
        var favorites = app.MapUserListGroup("/imodels/favorites", "Favorite iModels");
        favorites.MapPut("/{id}", AddAsync)
            .WithName("AddFavoriteIModel")
            .WithSummary("Add an iModel to my favorites")
            .WithDescription($"Adds the iModel in front of the caller's favorites, or leaves it in its place if it already is one. "
                + $"At most {FavoritesLimits.Capacity} per user. Any body and Content-Type are ignored. 204 means the change is durable.")
            .ProducesError(StatusCodes.Status404NotFound, ListDescriptions.IModelNotFound)
            .ProducesError(StatusCodes.Status409Conflict,
                $"`FavoritesLimitReached`: the caller already has {FavoritesLimits.Capacity} favorites; nothing changed.");
        favorites.MapDelete("/{id}", RemoveAsync)
            .WithName("RemoveFavoriteIModel")
            .WithSummary("Remove an iModel from my favorites")
            .WithDescription("Idempotent: 204 whether or not the iModel was a favorite. A favorite can always be removed, even one "
                + "the caller may no longer view or that was deleted.")
            .ProducesError(StatusCodes.Status404NotFound, ListDescriptions.IModelNotFound);
        favorites.MapGet("", ListAsync)
            .WithName("ListFavoriteIModels")
            .WithSummary("List my favorite iModels in an iTwin")
            .WithDescription("The caller's favorite iModels that belong to the iTwin, still exist and the caller may view now, most "
                + "recently added first; a page of them, with an absolute link to the next page that carries a continuation token "
                + "(or `$skip`, when the request pages by `$skip` or sorts by `$orderBy`).")
            .WithDeclaredParameters<ListFavoritesParameters>()
            .Produces<FavoriteIModelsPage>(StatusCodes.Status200OK, MediaTypes.ITwinPlatformV2, MediaTypes.Json)
            .ProducesError(StatusCodes.Status404NotFound, ListDescriptions.ITwinNotFound)
            .ProducesError(StatusCodes.Status422UnprocessableEntity, ListDescriptions.InvalidQuery);
        return app;
    }

    private static async Task<Results<NoContent, ErrorResult>> AddAsync(
        [Description(ListDescriptions.IModelId)] string id, ClaimsPrincipal user, IFavoritesGatekeeperGrain favorites)
    {
        if (!Ids.TryParse(id, out var iModelId))
        {
            return ErrorResult.NotFound(ApiErrors.IModelNotFound);
        }

        return await favorites.AddFavoriteAsync(user.UserId(), iModelId) switch
        {
            FavoriteAddResult.Added => TypedResults.NoContent(),
            FavoriteAddResult.LimitReached => LimitReached,
            _ => ErrorResult.NotFound(ApiErrors.IModelNotFound),
        };
    }

    private static async Task<Results<NoContent, ErrorResult>> RemoveAsync(
        [Description(ListDescriptions.IModelId)] string id, ClaimsPrincipal user, IFavoritesGatekeeperGrain favorites) =>
        Ids.TryParse(id, out var iModelId) && await favorites.RemoveFavoriteAsync(user.UserId(), iModelId)
            ? TypedResults.NoContent()
            : ErrorResult.NotFound(ApiErrors.IModelNotFound);

    private static async Task<Results<JsonHttpResult<FavoriteIModelsPage>, ErrorResult>> ListAsync(
        HttpContext httpContext, ClaimsPrincipal user, IFavoritesGatekeeperGrain favorites, ContinuationTokens tokens,
        PublicOrigin origin)
    {
        var query = ListFavoritesQuery.Parse(httpContext.Request.Query, out var errors);
        if (query is null)
        {
            return ErrorResult.UnprocessableEntity(ApiErrors.InvalidFavoritesRequest(errors));
        }

        var userId = user.UserId();
        long? after = null;
        if (query.ContinuationToken is { } token && (after = await tokens.ReadAsync(token, userId, query.ITwinId)) is null)
        {
            return ErrorResult.UnprocessableEntity(ApiErrors.InvalidFavoritesRequest([ListFavoritesQuery.InvalidToken]));
        }

        if (await favorites.ListFavoritesAsync(userId, query.ITwinId) is not { } listed)
        {
            return ErrorResult.NotFound(ApiErrors.ITwinNotFound);
        }

        var (page, links) = query.PagesBySkip
            ? PageBySkip(origin, httpContext.Request, query, listed)
            : await PageByTokenAsync(origin, httpContext.Request, query, listed, after, tokens, userId);
        IReadOnlyList<object> items = PreferHeader.WantsRepresentation(httpContext.Request)
            ? page.Select(IModelRepresentation.From).ToList()
            : page.Select(IModelSummary.From).ToList();
        return TypedResults.Json(
            new FavoriteIModelsPage(items, links), contentType: AcceptHeaderFilter.NegotiatedMediaType(httpContext));
    }

    private static (IReadOnlyList<ViewableIModel> Page, PageLinks Links) PageBySkip(
        PublicOrigin origin, HttpRequest request, ListFavoritesQuery query, IReadOnlyList<ListedFavorite> listed)
    {
        IReadOnlyList<ViewableIModel> iModels = [.. listed.Select(favorite => favorite.IModel)];
        var ordered = query.OrderBy?.Apply(iModels) ?? iModels;
        var skip = query.Skip ?? 0;
        return ([.. ordered.Skip(skip).Take(query.Top)], PageLinks.For(origin, request, skip, query.Top, ordered.Count));
    }

    /// <summary>
    /// The favorites after the token's position, newest first. Positions never change, so a walk that follows the next
    /// links sees every favorite that existed throughout it exactly once, whatever was added or removed meanwhile.
    /// </summary>
    private static async Task<(IReadOnlyList<ViewableIModel> Page, PageLinks Links)> PageByTokenAsync(
        PublicOrigin origin, HttpRequest request, ListFavoritesQuery query, IReadOnlyList<ListedFavorite> listed, long? after,
        ContinuationTokens tokens, string userId)
    {
        var remaining = listed.Where(favorite => after is null || favorite.Position < after).ToList();
        var page = remaining.Take(query.Top).ToList();
        var nextToken = remaining.Count > page.Count
            ? await tokens.IssueAsync(userId, query.ITwinId, page[^1].Position)
            : null;
        return ([.. page.Select(favorite => favorite.IModel)], PageLinks.ForContinuation(origin, request, nextToken));
    }
}
