using System.Collections.Immutable;
using Orleans.Concurrency;
using Recents.Gatekeeper;
using Recents.Grains.FavoriteIModels;
using Recents.Grains.PlatformDirectory;
using Recents.Grains.RecentIModels;
using Recents.Grains.References;
using Recents.Grains.Telemetry;
using Recents.PlatformDirectory;

namespace Recents.Grains.Gatekeeper;

/// <summary>
/// Where every request on a user's recents and favorites enters the silo. Stateless and reentrant: each silo runs it
/// locally for the calls it receives, and one activation serves many calls at once while they wait on the directory and
/// the users' grains. Every decision reads the directory afresh, so a revoked permission or a deleted iModel applies to
/// the next request.
/// </summary>
[StatelessWorker, Reentrant]
[GrainType("recentsgatekeeper")]
public sealed class GatekeeperGrain(IGrainFactory grains, ListMetrics metrics) : Grain, IRecentsGatekeeperGrain, IFavoritesGatekeeperGrain
{
    private readonly GrainReferences<IIModelGrain> iModelGrains = new(grains);
    private readonly GrainReferences<IITwinIModelsGrain> iTwinGrains = new(grains);
    private readonly GrainReferences<IOrganizationGrain> organizationGrains = new(grains);
    private readonly GrainReferences<IRecentIModelsGrain> recentsGrains = new(grains);
    private readonly GrainReferences<IFavoriteIModelsGrain> favoritesGrains = new(grains);

    public async Task<bool> AddAsync(string userId, Guid iModelId)
    {
        if (await FindViewableIModelAsync(ListMetrics.Recents, userId, iModelId) is not { } iModel)
        {
            return false;
        }

        await RecentsOf(userId).AddAsync(new RecentIModel(iModelId, iModel.ITwinId));
        return true;
    }

    public async Task<bool> RemoveAsync(string userId, Guid iModelId)
    {
        if (await FindViewableIModelAsync(ListMetrics.Recents, userId, iModelId) is null)
        {
            return false;
        }

        await RecentsOf(userId).RemoveAsync(iModelId);
        return true;
    }

    public async Task<ImmutableArray<ViewableIModel>?> ListAsync(string userId, Guid iTwinId)
    {
        var entries = await RecentsOf(userId).ListAsync();
        var listedIds = entries.Where(entry => entry.ITwinId == iTwinId).Select(entry => entry.IModelId).ToImmutableArray();
        return await ViewableInITwinAsync(ListMetrics.Recents, userId, iTwinId, listedIds) is { } viewable
            ? [.. viewable.OfType<ViewableIModel>()]
            : null;
    }

    public async Task<FavoriteAddResult> AddFavoriteAsync(string userId, Guid iModelId)
    {
        if (await FindViewableIModelAsync(ListMetrics.Favorites, userId, iModelId) is not { } iModel)
        {
            return FavoriteAddResult.NotFound;
        }

        return await FavoritesOf(userId).AddAsync(iModelId, iModel.ITwinId) ? FavoriteAddResult.Added : FavoriteAddResult.LimitReached;
    }

    /// <summary>A favorite is always removed, even one the user may no longer view: nothing leaks, the user had it.</summary>
    public async Task<bool> RemoveFavoriteAsync(string userId, Guid iModelId) =>
        await FavoritesOf(userId).RemoveAsync(iModelId) || await FindViewableIModelAsync(ListMetrics.Favorites, userId, iModelId) is not null;

    public async Task<ImmutableArray<ListedFavorite>?> ListFavoritesAsync(string userId, Guid iTwinId)
    {
        var entries = (await FavoritesOf(userId).ListAsync()).Where(entry => entry.ITwinId == iTwinId).ToImmutableArray();
        if (await ViewableInITwinAsync(ListMetrics.Favorites, userId, iTwinId, [.. entries.Select(entry => entry.IModelId)]) is not { } viewable)
        {
            return null;
        }

        return [.. entries.Zip(viewable, (entry, iModel) => iModel is null ? null : new ListedFavorite(iModel, entry.Position)).OfType<ListedFavorite>()];
    }

    /// <summary>
    /// Null when the iTwin does not exist or the user may not see it; otherwise, for each of <paramref name="iModelIds"/>
    /// in order, the iModel as the user sees it, or null when the iTwin no longer holds it or the user may not view it.
    /// </summary>
    private async Task<ImmutableArray<ViewableIModel?>?> ViewableInITwinAsync(string list, string userId, Guid iTwinId, ImmutableArray<Guid> iModelIds)
    {
        var viewable = await ViewableInVisibleITwinAsync(userId, iTwinId, iModelIds);
        metrics.Decided(list, granted: viewable is not null);
        return viewable;
    }

    private async Task<ImmutableArray<ViewableIModel?>?> ViewableInVisibleITwinAsync(string userId, Guid iTwinId, ImmutableArray<Guid> iModelIds)
    {
        if (await iTwinGrains.Get(iTwinId).GetWithIModelsAsync(iModelIds) is not { } iTwin)
        {
            await ReadPlaceholderOrganizationAsync();
            return null;
        }

        var stored = iTwin.IModels.OfType<IModelDetails>().ToList();
        var viewer = await ViewerInAsync(
            userId, iTwin.ITwin, isGranted: viewer => viewer.CanSeeITwin && stored.All(viewer.CanView));
        if (!viewer.CanSeeITwin)
        {
            return null;
        }

        return [.. iModelIds.Zip(iTwin.IModels, (id, iModel) => iModel is not null && viewer.CanView(iModel) ? ViewableIModel.From(id, iModel) : null)];
    }

    private async Task<IModelDetails?> FindViewableIModelAsync(string list, string userId, Guid iModelId)
    {
        var iModel = await FindIModelTheUserMayViewAsync(userId, iModelId);
        metrics.Decided(list, granted: iModel is not null);
        return iModel;
    }

    private async Task<IModelDetails?> FindIModelTheUserMayViewAsync(string userId, Guid iModelId)
    {
        var iTwinId = await iModelGrains.Get(iModelId).GetITwinIdAsync() ?? DirectoryPlaceholder.Id;
        if (await iTwinGrains.Get(iTwinId).GetWithIModelsAsync([iModelId]) is not { IModels: [{ } iModel] } iTwin)
        {
            await ReadPlaceholderOrganizationAsync();
            return null;
        }

        var viewer = await ViewerInAsync(userId, iTwin.ITwin, isGranted: viewer => viewer.CanView(iModel));
        return viewer.CanView(iModel) ? iModel : null;
    }

    /// <summary>
    /// Every refusal reads an iModel (for a decision on one), an iTwin and an organization: a refused viewer always has
    /// the organization read, since membership alone did not grant. Where an entry does not exist, its placeholder
    /// (<see cref="DirectoryPlaceholder"/>) is read in its place, so that a 404 for an unknown id makes the same grain
    /// calls as one for an id the user may not view.
    /// </summary>
    private Task ReadPlaceholderOrganizationAsync() => organizationGrains.Get(DirectoryPlaceholder.Id).GetAsync();

    private Task<ViewAccess.ITwinViewer> ViewerInAsync(string userId, ITwinDetails iTwin, Func<ViewAccess.ITwinViewer, bool> isGranted) =>
        ViewAccess.ViewerInAsync(userId, iTwin, () => organizationGrains.Get(iTwin.OrganizationId).GetAsync(), isGranted);

    private IRecentIModelsGrain RecentsOf(string userId) => recentsGrains.Get(UserKey.FromUserId(userId));

    private IFavoriteIModelsGrain FavoritesOf(string userId) => favoritesGrains.Get(UserKey.FromUserId(userId));
}
