using Recents.PlatformDirectory;

namespace Recents.Grains.Tests;

/// <summary>
/// Deleting an iModel removes it for good (docs/api.md#who-may-view-an-imodel: a deletion applies to every later request): it leaves its
/// iTwin's stored iModels, while its own stored row keeps the iTwin it belongs to, so that its id can never be reused
/// in another iTwin.
/// </summary>
[Collection(AzureTableClusterCollection.Name)]
public sealed class AzureTableDeleteTests(AzureTableCluster storage)
{
    private IGrainFactory Grains => storage.Client;

    [Fact]
    public async Task DeletingAnIModel_StaysDeletedAfterDeactivation_AndKeepsItBoundToItsITwin()
    {
        var iModel = Grains.GetGrain<IIModelGrain>(Guid.NewGuid());
        var details = SampleDirectory.IModelWithRolePermissions();
        var iTwin = Grains.GetGrain<IITwinGrain>(details.ITwinId);
        await iModel.SetAsync(details);
        var before = await storage.ReadRowAsync(iTwin, StateNames.ITwinIModels);

        await iModel.DeleteAsync();

        var after = await storage.ReadRowAsync(iTwin, StateNames.ITwinIModels);
        Assert.NotEqual(before?.ETag, after?.ETag);
        Assert.Null(await iModel.GetAsync());
        await storage.Cluster.DeactivateAsync(iModel);
        await storage.Cluster.DeactivateAsync(iTwin);
        Assert.Null(await iModel.GetAsync());
        Assert.Equal(details.ITwinId, await iModel.GetITwinIdAsync());
        Assert.Equal(IModelStoreResult.BoundToAnotherITwin, await iModel.SetAsync(details with { ITwinId = Guid.NewGuid() }));
    }

    [Fact]
    public async Task DeletedIModel_CanBeStoredAgain()
    {
        var iModel = Grains.GetGrain<IIModelGrain>(Guid.NewGuid());
        var first = SampleDirectory.UnsecuredIModel();
        var details = SampleDirectory.IModelWithUserPermissions() with { ITwinId = first.ITwinId };
        await iModel.SetAsync(first);
        await iModel.DeleteAsync();

        Assert.Equal(IModelStoreResult.Stored, await iModel.SetAsync(details));

        await storage.Cluster.DeactivateAsync(iModel);
        await storage.Cluster.DeactivateAsync(Grains.GetGrain<IITwinGrain>(details.ITwinId));
        DetailsAssert.Equal(details, await iModel.GetAsync());
    }

    [Fact]
    public async Task DeletingAnIModelNeverStored_StoresNothing()
    {
        var iModel = Grains.GetGrain<IIModelGrain>(Guid.NewGuid());

        await iModel.DeleteAsync();

        Assert.Null(await iModel.GetAsync());
        Assert.Null(await storage.ReadRowAsync(iModel, StateNames.IModel));
    }
}
