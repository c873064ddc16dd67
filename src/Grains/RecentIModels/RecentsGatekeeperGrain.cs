using System.Collections.Immutable;
using Orleans.Concurrency;
using Recents.Directory;
using Recents.Grains.References;
using Recents.RecentIModels;

namespace Recents.Grains.RecentIModels;

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
    private readonly GrainReferences<IITwinGrain> iTwinGrains = new(grains);
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
        var iTwinRead = ReadITwinAsync(iTwinId);
        var listed = (await RecentsOf(userId).ListAsync())
            .Where(entry => entry.ITwinId == iTwinId)
            .Select(entry => entry.IModelId)
            .ToList();
        var iModels = await Task.WhenAll(listed.Select(id => iModelGrains.Get(id).GetAsync()));
        var (iTwin, organization) = await iTwinRead;
        if (iTwin is null || !ViewAccess.CanSeeITwin(userId, organization, iTwin))
        {
            return null;
        }

        var viewer = ViewAccess.ViewerIn(userId, organization, iTwin);
        return [.. listed
            .Zip(iModels, (id, iModel) => iModel is not null && iModel.ITwinId == iTwinId && viewer.CanView(iModel)
                ? ViewableIModel.From(id, iModel)
                : null)
            .OfType<ViewableIModel>()];
    }

    private async Task<IModelDetails?> FindViewableIModelAsync(string userId, Guid iModelId)
    {
        var iModel = await iModelGrains.Get(iModelId).GetAsync();
        if (iModel is null)
        {
            return null;
        }

        var (iTwin, organization) = await ReadITwinAsync(iModel.ITwinId);
        return iTwin is not null && ViewAccess.CanViewIModel(userId, organization, iTwin, iModel) ? iModel : null;
    }

    private async Task<(ITwinDetails? ITwin, OrganizationDetails? Organization)> ReadITwinAsync(Guid iTwinId)
    {
        var iTwin = await iTwinGrains.Get(iTwinId).GetAsync();
        var organization = iTwin is null ? null : await organizationGrains.Get(iTwin.OrganizationId).GetAsync();
        return (iTwin, organization);
    }

    private IRecentIModelsGrain RecentsOf(string userId) => recentsGrains.Get(UserKey.FromUserId(userId));
}
