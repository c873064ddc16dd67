using Recents.Directory;

namespace Recents.Api.Access;

/// <summary>
/// Reads the directory grains afresh on every request (so a revoked permission or a deleted iModel
/// applies at once) and asks <see cref="ViewAccess"/> for the decision.
/// </summary>
public sealed class DirectoryAccess(IGrainFactory grains)
{
    /// <summary>The iModel, if it exists and <paramref name="userId"/> may view it; otherwise null.</summary>
    public async Task<ViewableIModel?> FindViewableIModelAsync(string userId, Guid iModelId)
    {
        var iModel = await grains.GetGrain<IIModelGrain>(iModelId).GetAsync();
        if (iModel is null)
        {
            return null;
        }

        var iTwin = await grains.GetGrain<IITwinGrain>(iModel.ITwinId).GetAsync();
        if (iTwin is null)
        {
            return null;
        }

        var organization = await grains.GetGrain<IOrganizationGrain>(iTwin.OrganizationId).GetAsync();
        return ViewAccess.CanViewIModel(userId, organization, iTwin, iModel) ? new ViewableIModel(iModelId, iModel) : null;
    }

    /// <summary>The iTwin, if it exists and <paramref name="userId"/> is a member or an administrator of its organization.</summary>
    public async Task<VisibleITwin?> FindVisibleITwinAsync(string userId, Guid iTwinId)
    {
        var iTwin = await grains.GetGrain<IITwinGrain>(iTwinId).GetAsync();
        if (iTwin is null)
        {
            return null;
        }

        var organization = await grains.GetGrain<IOrganizationGrain>(iTwin.OrganizationId).GetAsync();
        return ViewAccess.CanSeeITwin(userId, organization, iTwin) ? new VisibleITwin(iTwinId, iTwin, organization) : null;
    }

    /// <summary>
    /// Of <paramref name="iModelIds"/>, in their order, those that still exist in <paramref name="iTwin"/>
    /// and that <paramref name="userId"/> may view now.
    /// </summary>
    public async Task<IReadOnlyList<ViewableIModel>> ViewableIModelsAsync(string userId, VisibleITwin iTwin, IReadOnlyList<Guid> iModelIds)
    {
        var details = await Task.WhenAll(iModelIds.Select(id => grains.GetGrain<IIModelGrain>(id).GetAsync()));
        return iModelIds
            .Zip(details, (id, iModel) => (id, iModel))
            .Where(pair => pair.iModel is not null
                && pair.iModel.ITwinId == iTwin.Id
                && ViewAccess.CanViewIModel(userId, iTwin.Organization, iTwin.Details, pair.iModel))
            .Select(pair => new ViewableIModel(pair.id, pair.iModel!))
            .ToList();
    }
}
