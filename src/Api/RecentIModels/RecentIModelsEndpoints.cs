using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Recents.Api.Access;
using Recents.Api.Authentication;
using Recents.Api.Common;
using Recents.Api.ContentNegotiation;
using Recents.Api.Errors;
using Recents.RecentIModels;

namespace Recents.Api.RecentIModels;

/// <summary><c>/imodels/recents</c>: authenticate, authorize against the directory, then call the user's grain.</summary>
public static class RecentIModelsEndpoints
{
    public static IEndpointRouteBuilder MapRecentIModels(this IEndpointRouteBuilder app)
    {
        var recents = app.MapGroup("/imodels/recents")
            .RequireAuthorization(AuthenticationSetup.RecentsPolicy)
            .AddEndpointFilter<AcceptHeaderFilter>()
            .WithTags("Recent iModels");
        recents.MapPost("/{id}", AddAsync);
        recents.MapDelete("/{id}", RemoveAsync);
        recents.MapGet("/", ListAsync);
        return app;
    }

    private static Task<Results<NoContent, ErrorResult>> AddAsync(
        string id, ClaimsPrincipal user, DirectoryAccess directory, IGrainFactory grains) =>
        ChangeAsync(id, user, directory, grains, (recents, iModel) => recents.AddAsync(new RecentIModel(iModel.Id, iModel.Details.ITwinId)));

    private static Task<Results<NoContent, ErrorResult>> RemoveAsync(
        string id, ClaimsPrincipal user, DirectoryAccess directory, IGrainFactory grains) =>
        ChangeAsync(id, user, directory, grains, (recents, iModel) => recents.RemoveAsync(iModel.Id));

    /// <summary>POST and DELETE: 404 unless the caller may view the iModel now, else the change to their list, then 204.</summary>
    private static async Task<Results<NoContent, ErrorResult>> ChangeAsync(
        string id, ClaimsPrincipal user, DirectoryAccess directory, IGrainFactory grains,
        Func<IRecentIModelsGrain, ViewableIModel, Task> change)
    {
        var userId = user.UserId();
        var iModel = Ids.TryParse(id, out var iModelId) ? await directory.FindViewableIModelAsync(userId, iModelId) : null;
        if (iModel is null)
        {
            return ErrorResult.NotFound(ApiErrors.IModelNotFound);
        }

        await change(RecentsOf(grains, userId), iModel);
        return TypedResults.NoContent();
    }

    private static async Task<Results<JsonHttpResult<RecentIModelsPage>, ErrorResult>> ListAsync(
        HttpContext httpContext, ClaimsPrincipal user, DirectoryAccess directory, IGrainFactory grains)
    {
        var query = ListRecentsQuery.Parse(httpContext.Request.Query, out var errors);
        if (query is null)
        {
            return ErrorResult.UnprocessableEntity(ApiErrors.InvalidIModelsRequest(errors));
        }

        var userId = user.UserId();
        var iTwin = await directory.FindVisibleITwinAsync(userId, query.ITwinId);
        if (iTwin is null)
        {
            return ErrorResult.NotFound(ApiErrors.ITwinNotFound);
        }

        var entries = await RecentsOf(grains, userId).ListAsync();
        var inITwin = entries.Where(entry => entry.ITwinId == iTwin.Id).Select(entry => entry.IModelId).ToList();
        var viewable = await directory.ViewableIModelsAsync(userId, iTwin, inITwin);
        var ordered = query.OrderBy?.Apply(viewable) ?? viewable;

        var page = ordered.Skip(query.Skip).Take(query.Top);
        IReadOnlyList<object> items = PreferHeader.WantsRepresentation(httpContext.Request)
            ? page.Select(IModelRepresentation.From).ToList()
            : page.Select(IModelSummary.From).ToList();
        var links = PageLinks.For(httpContext.Request, query.Skip, query.Top, ordered.Count);
        return TypedResults.Json(
            new RecentIModelsPage(items, links), contentType: AcceptHeaderFilter.NegotiatedMediaType(httpContext));
    }

    private static IRecentIModelsGrain RecentsOf(IGrainFactory grains, string userId) =>
        grains.GetGrain<IRecentIModelsGrain>(UserKey.FromUserId(userId));
}
