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
using Recents.Api.RateLimiting;
using Recents.Api.RequestLimits;
using Recents.Gatekeeper;
using Recents.PlatformDirectory;

namespace Recents.Api.RecentIModels;

/// <summary>
/// <c>/imodels/recents</c>: authenticate, then one call to the silo's <see cref="IRecentsGatekeeperGrain"/>, which authorizes
/// against the directory and calls the user's grain.
/// </summary>
public static class RecentIModelsEndpoints
{
    public static IEndpointRouteBuilder MapRecentIModels(this IEndpointRouteBuilder app)
    {
        var recents = app.MapUserListGroup("/imodels/recents", "Recent iModels");
        recents.MapPost("/{id}", AddAsync)
            .WithName("AddRecentIModel")
            .WithSummary("Add an iModel to my recents")
            .WithDescription("Puts the iModel first in the caller's list (25 at most, one list per user across iTwins), moving it "
                + "there if it is already listed and dropping the least recently used past 25. Any body and Content-Type are "
                + "ignored. 204 means the change is durable.")
            .ProducesError(StatusCodes.Status404NotFound, ListDescriptions.IModelNotFound);
        recents.MapDelete("/{id}", RemoveAsync)
            .WithName("RemoveRecentIModel")
            .WithSummary("Remove an iModel from my recents")
            .WithDescription("Idempotent: 204 whether or not the iModel was in the caller's list.")
            .ProducesError(StatusCodes.Status404NotFound, ListDescriptions.IModelNotFound);
        // "" rather than "/": the route, and so the documented path, is /imodels/recents without a trailing slash.
        recents.MapGet("", ListAsync)
            .WithName("ListRecentIModels")
            .WithSummary("List my recent iModels in an iTwin")
            .WithDescription("The caller's recent iModels that belong to the iTwin, still exist and the caller may view now, most "
                + "recently used first unless `$orderBy` says otherwise; a page of them with absolute links to the previous and next pages.")
            .WithDeclaredParameters<ListRecentsParameters>()
            .Produces<RecentIModelsPage>(StatusCodes.Status200OK, MediaTypes.ITwinPlatformV2, MediaTypes.Json)
            .ProducesError(StatusCodes.Status404NotFound, ListDescriptions.ITwinNotFound)
            .ProducesError(StatusCodes.Status422UnprocessableEntity, ListDescriptions.InvalidQuery);
        return app;
    }

    private static Task<Results<NoContent, ErrorResult>> AddAsync(
        [Description(ListDescriptions.IModelId)] string id, ClaimsPrincipal user, IRecentsGatekeeperGrain recents) =>
        ChangeAsync(id, user, recents.AddAsync);

    private static Task<Results<NoContent, ErrorResult>> RemoveAsync(
        [Description(ListDescriptions.IModelId)] string id, ClaimsPrincipal user, IRecentsGatekeeperGrain recents) =>
        ChangeAsync(id, user, recents.RemoveAsync);

    /// <summary>POST and DELETE: 404 unless the caller may view the iModel now, else the change to their list, then 204.</summary>
    private static async Task<Results<NoContent, ErrorResult>> ChangeAsync(
        string id, ClaimsPrincipal user, Func<string, Guid, Task<bool>> changeIfViewable) =>
        Ids.TryParse(id, out var iModelId) && await changeIfViewable(user.UserId(), iModelId)
            ? TypedResults.NoContent()
            : ErrorResult.NotFound(ApiErrors.IModelNotFound);

    private static async Task<Results<JsonHttpResult<RecentIModelsPage>, ErrorResult>> ListAsync(
        HttpContext httpContext, ClaimsPrincipal user, IRecentsGatekeeperGrain recents, PublicOrigin origin)
    {
        var query = ListRecentsQuery.Parse(httpContext.Request.Query, out var errors);
        if (query is null)
        {
            return ErrorResult.UnprocessableEntity(ApiErrors.InvalidIModelsRequest(errors));
        }

        if (await recents.ListAsync(user.UserId(), query.ITwinId) is not { } viewable)
        {
            return ErrorResult.NotFound(ApiErrors.ITwinNotFound);
        }

        IReadOnlyList<ViewableIModel> ordered = query.OrderBy?.Apply(viewable) ?? viewable;
        var page = ordered.Skip(query.Skip).Take(query.Top);
        IReadOnlyList<object> items = PreferHeader.WantsRepresentation(httpContext.Request)
            ? page.Select(IModelRepresentation.From).ToList()
            : page.Select(IModelSummary.From).ToList();
        var links = PageLinks.For(origin, httpContext.Request, query.Skip, query.Top, ordered.Count);
        return TypedResults.Json(
            new RecentIModelsPage(items, links), contentType: AcceptHeaderFilter.NegotiatedMediaType(httpContext));
    }
}
