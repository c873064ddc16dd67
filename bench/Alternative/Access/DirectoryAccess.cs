using Recents.Grains.PlatformDirectory;
using Recents.PlatformDirectory;

namespace Recents.Bench.Alternative.Access;

/// <summary>
/// The view rule (docs/api.md#who-may-view-an-imodel) for a request: reads the directory facts (through <see cref="DirectoryReader"/>) and lets
/// <see cref="ViewAccess"/>, the Orleans service's own rules, decide. Unlike the service, it reads the organization on
/// every decision and caches the directory for 30 s (<see cref="DirectoryReader"/>).
/// </summary>
public sealed class DirectoryAccess(DirectoryReader directory)
{
    /// <summary>The iModel, if it exists and <paramref name="userId"/> may view it; otherwise null.</summary>
    public async Task<ViewableIModel?> FindViewableIModelAsync(string userId, Guid iModelId, CancellationToken cancellationToken)
    {
        var iModel = await directory.IModelAsync(iModelId, cancellationToken);
        if (iModel is null)
        {
            return null;
        }

        var iTwin = await directory.ITwinAsync(iModel.ITwinId, cancellationToken);
        if (iTwin is null)
        {
            return null;
        }

        var organization = await directory.OrganizationAsync(iTwin.OrganizationId, cancellationToken);
        return ViewAccess.ViewerIn(userId, organization, iTwin).CanView(iModel) ? ViewableIModel.From(iModelId, iModel) : null;
    }

    /// <summary>The iTwin, if it exists and <paramref name="userId"/> is a member or an administrator of its organization.</summary>
    public async Task<VisibleITwin?> FindVisibleITwinAsync(string userId, Guid iTwinId, CancellationToken cancellationToken)
    {
        var iTwin = await directory.ITwinAsync(iTwinId, cancellationToken);
        if (iTwin is null)
        {
            return null;
        }

        var organization = await directory.OrganizationAsync(iTwin.OrganizationId, cancellationToken);
        return ViewAccess.ViewerIn(userId, organization, iTwin).CanSeeITwin ? new VisibleITwin(iTwinId, iTwin, organization) : null;
    }

    /// <summary>Of <paramref name="iModelIds"/>, in their order, those that still exist in the iTwin and the user may view now.</summary>
    public async Task<IReadOnlyList<ViewableIModel>> ViewableIModelsAsync(
        string userId, VisibleITwin iTwin, IReadOnlyList<Guid> iModelIds, CancellationToken cancellationToken)
    {
        // All reads start before the first is awaited, so uncached rows are read concurrently; cached ones cost nothing.
        var reads = iModelIds.Select(id => directory.IModelAsync(id, cancellationToken)).ToList();
        var details = new IModelDetails?[reads.Count];
        for (var i = 0; i < reads.Count; i++)
        {
            details[i] = await reads[i];
        }

        var viewer = ViewAccess.ViewerIn(userId, iTwin.Organization, iTwin.Details);
        return iModelIds
            .Zip(details, (id, iModel) => iModel is not null && iModel.ITwinId == iTwin.Id && viewer.CanView(iModel)
                ? ViewableIModel.From(id, iModel)
                : null)
            .OfType<ViewableIModel>()
            .ToList();
    }
}
