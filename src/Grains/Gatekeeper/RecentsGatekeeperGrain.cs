using System.Collections.Immutable;
using Orleans.Concurrency;
using Recents.Gatekeeper;
using Recents.Grains.PlatformDirectory;
using Recents.Grains.RecentIModels;
using Recents.Grains.References;
using Recents.PlatformDirectory;

namespace Recents.Grains.Gatekeeper;

/// <summary>
/// Stateless and reentrant: each silo runs it locally for the calls it receives, and one activation serves many calls
/// at once while they wait on the directory and the users' grains. Every decision reads the directory afresh, so a
/// revoked permission or a deleted iModel applies to the next request.
/// </summary>
[StatelessWorker, Reentrant]
[GrainType("recentsgatekeeper")]
public sealed class RecentsGatekeeperGrain(IGrainFactory grains) : Grain, IRecentsGatekeeperGrain
{
    private readonly GrainReferences<IIModelGrain> iModelGrains = new(grains);
    private readonly GrainReferences<IITwinIModelsGrain> iTwinGrains = new(grains);
    private readonly GrainReferences<IOrganizationGrain> organizationGrains = new(grains);
    private readonly GrainReferences<IRecentIModelsGrain> recentsGrains = new(grains);

    public async Task<bool> AddAsync(string userId, Guid iModelId)
    {
        if (await FindViewableIModelAsync(userId, iModelId) is not { } iModel)
        {
            return false;
        }

        await RecentsOf(userId).AddAsync(new RecentIModel(iModelId, iModel.ITwinId));
        return true;
    }

    public async Task<bool> RemoveAsync(string userId, Guid iModelId)
    {
        if (await FindViewableIModelAsync(userId, iModelId) is null)
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
        if (await iTwinGrains.Get(iTwinId).GetWithIModelsAsync(listedIds) is not { } iTwin)
        {
            return null;
        }

        var listed = listedIds
            .Zip(iTwin.IModels, (id, iModel) => (Id: id, IModel: iModel))
            .Where(pair => pair.IModel is not null)
            .Select(pair => (pair.Id, IModel: pair.IModel!))
            .ToList();
        var viewer = await ViewerInAsync(
            userId, iTwin.ITwin, isGranted: viewer => viewer.CanSeeITwin && listed.All(pair => viewer.CanView(pair.IModel)));
        return viewer.CanSeeITwin
            ? [.. listed.Where(pair => viewer.CanView(pair.IModel)).Select(pair => ViewableIModel.From(pair.Id, pair.IModel))]
            : null;
    }

    private async Task<IModelDetails?> FindViewableIModelAsync(string userId, Guid iModelId)
    {
        if (await iModelGrains.Get(iModelId).GetITwinIdAsync() is not { } iTwinId
            || await iTwinGrains.Get(iTwinId).GetWithIModelsAsync([iModelId]) is not { IModels: [{ } iModel] } iTwin)
        {
            return null;
        }

        var viewer = await ViewerInAsync(userId, iTwin.ITwin, isGranted: viewer => viewer.CanView(iModel));
        return viewer.CanView(iModel) ? iModel : null;
    }

    private Task<ViewAccess.ITwinViewer> ViewerInAsync(string userId, ITwinDetails iTwin, Func<ViewAccess.ITwinViewer, bool> isGranted) =>
        ViewAccess.ViewerInAsync(userId, iTwin, () => organizationGrains.Get(iTwin.OrganizationId).GetAsync(), isGranted);

    private IRecentIModelsGrain RecentsOf(string userId) => recentsGrains.Get(UserKey.FromUserId(userId));
}
