using System.Collections.Immutable;
using Orleans.Concurrency;
using Recents.Directory;

namespace Recents.Grains.Directory;

/// <summary>
/// Stateless and reentrant: each silo runs it locally for the calls it receives, and one activation serves many calls
/// at once while they wait on the directory grains.
/// </summary>
[StatelessWorker, Reentrant]
[GrainType("viewaccess")]
public sealed class ViewAccessGrain : Grain, IViewAccessGrain
{
    public async Task<IModelDetails?> FindViewableIModelAsync(string userId, Guid iModelId)
    {
        var iModel = await GrainFactory.GetGrain<IIModelGrain>(iModelId).GetAsync();
        if (iModel is null)
        {
            return null;
        }

        var (iTwin, organization) = await ReadITwinAsync(iModel.ITwinId);
        return iTwin is not null && ViewAccess.CanViewIModel(userId, organization, iTwin, iModel) ? iModel : null;
    }

    public async Task<ImmutableArray<IModelDetails?>?> ViewableIModelsAsync(string userId, Guid iTwinId, ImmutableArray<Guid> iModelIds)
    {
        var iTwinRead = ReadITwinAsync(iTwinId);
        var iModels = await Task.WhenAll(iModelIds.Select(id => GrainFactory.GetGrain<IIModelGrain>(id).GetAsync()));
        var (iTwin, organization) = await iTwinRead;
        if (iTwin is null || !ViewAccess.CanSeeITwin(userId, organization, iTwin))
        {
            return null;
        }

        var viewer = ViewAccess.ViewerIn(userId, organization, iTwin);
        return [.. iModels.Select(iModel => iModel is not null && iModel.ITwinId == iTwinId && viewer.CanView(iModel) ? iModel : null)];
    }

    private async Task<(ITwinDetails? ITwin, OrganizationDetails? Organization)> ReadITwinAsync(Guid iTwinId)
    {
        var iTwin = await GrainFactory.GetGrain<IITwinGrain>(iTwinId).GetAsync();
        var organization = iTwin is null ? null : await GrainFactory.GetGrain<IOrganizationGrain>(iTwin.OrganizationId).GetAsync();
        return (iTwin, organization);
    }
}
