using System.Security.Claims;
using Recents.Bench.Alternative.Access;
using Recents.Bench.Alternative.Authentication;
using Recents.Bench.Alternative.Errors;
using Recents.Grains.RecentIModels;
using Recents.PlatformDirectory;

namespace Recents.Bench.Alternative.RecentIModels;

/// <summary><c>/imodels/recents</c>: authenticate, check the view rule (docs/api.md#who-may-view-an-imodel) against the directory, then read or change the user's row.</summary>
public static class RecentIModelsEndpoints
{
    public const string MediaType = "application/vnd.bentley.itwin-platform.v2+json";

    public static IEndpointRouteBuilder MapRecentIModels(this IEndpointRouteBuilder app)
    {
        var recents = app.MapGroup("/imodels/recents").RequireAuthorization(BearerSetup.RecentsPolicy);
        recents.MapPost("/{id}", AddAsync);
        recents.MapDelete("/{id}", RemoveAsync);
        recents.MapGet("/", ListAsync);
        return app;
    }

    private static Task<IResult> AddAsync(
        string id, ClaimsPrincipal user, DirectoryAccess directory, RecentsStore store, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, directory, cancellationToken, (userKey, iModel) =>
            store.AddAsync(userKey, new RecentIModel(iModel.Id, iModel.ITwinId), cancellationToken));

    private static Task<IResult> RemoveAsync(
        string id, ClaimsPrincipal user, DirectoryAccess directory, RecentsStore store, CancellationToken cancellationToken) =>
        ChangeAsync(id, user, directory, cancellationToken, (userKey, iModel) => store.RemoveAsync(userKey, iModel.Id, cancellationToken));

    /// <summary>POST and DELETE: 404 unless the caller may view the iModel now, else the change to their row, then 204.</summary>
    private static async Task<IResult> ChangeAsync(
        string id, ClaimsPrincipal user, DirectoryAccess directory, CancellationToken cancellationToken,
        Func<string, ViewableIModel, Task> change)
    {
        var userId = user.UserId();
        var iModel = Guid.TryParseExact(id, "D", out var iModelId)
            ? await directory.FindViewableIModelAsync(userId, iModelId, cancellationToken)
            : null;
        if (iModel is null)
        {
            return ErrorBody.Result(StatusCodes.Status404NotFound, "iModelNotFound", "Requested iModel is not available.");
        }

        await change(UserKey.FromUserId(userId), iModel);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ListAsync(
        HttpContext httpContext, ClaimsPrincipal user, DirectoryAccess directory, RecentsStore store, CancellationToken cancellationToken)
    {
        var query = ListQuery.Parse(httpContext.Request.Query, out var error);
        if (query is null)
        {
            return ErrorBody.Result(StatusCodes.Status422UnprocessableEntity, "InvalidiModelsRequest", error!);
        }

        var userId = user.UserId();
        var iTwin = await directory.FindVisibleITwinAsync(userId, query.ITwinId, cancellationToken);
        if (iTwin is null)
        {
            return ErrorBody.Result(StatusCodes.Status404NotFound, "iTwinNotFound", "Requested iTwin is not available.");
        }

        var entries = await store.ReadAsync(UserKey.FromUserId(userId), cancellationToken);
        var inITwin = entries.Where(entry => entry.ITwinId == iTwin.Id).Select(entry => entry.IModelId).ToList();
        var viewable = await directory.ViewableIModelsAsync(userId, iTwin, inITwin, cancellationToken);

        var page = viewable.Skip(query.Skip).Take(query.Top);
        IReadOnlyList<object> items = WantsRepresentation(httpContext.Request)
            ? page.Select(IModelRepresentation.From).ToList()
            : page.Select(IModelSummary.From).ToList();
        var links = PageLinks.For(httpContext.Request, query.Skip, query.Top, viewable.Count);
        return TypedResults.Json(new RecentIModelsPage(items, links), contentType: MediaType);
    }

    /// <summary><c>Prefer: return=representation</c> asks for full iModels; minimal is the default.</summary>
    private static bool WantsRepresentation(HttpRequest request) =>
        request.Headers["Prefer"]
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(preference => preference.Equals("return=representation", StringComparison.OrdinalIgnoreCase));
}
