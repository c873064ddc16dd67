using Recents.Directory;

namespace Recents.Grains.Tests;

/// <summary>Deleting an iModel removes its stored row, for good (contract §4: a deletion applies to every later request).</summary>
[Collection(AzureTableClusterCollection.Name)]
public sealed class AzureTableDeleteTests(AzureTableCluster storage)
{
    private IGrainFactory Grains => storage.Client;

    [Fact]
    public async Task DeletingAnIModel_RemovesItsRow_AndItStaysDeletedAfterDeactivation()
    {
        var iModel = Grains.GetGrain<IIModelGrain>(Guid.NewGuid());
        await iModel.SetAsync(SampleDirectory.IModelWithRolePermissions());
        Assert.NotNull(await storage.ReadRowAsync(iModel, StateNames.IModel));

        await iModel.DeleteAsync();

        Assert.Null(await storage.ReadRowAsync(iModel, StateNames.IModel));
        Assert.Null(await iModel.GetAsync());
        await storage.Cluster.DeactivateAsync(iModel);
        Assert.Null(await iModel.GetAsync());
    }

    [Fact]
    public async Task DeletedIModel_CanBeStoredAgain()
    {
        var iModel = Grains.GetGrain<IIModelGrain>(Guid.NewGuid());
        var details = SampleDirectory.IModelWithUserPermissions();
        await iModel.SetAsync(SampleDirectory.UnsecuredIModel());
        await iModel.DeleteAsync();

        await iModel.SetAsync(details);

        await storage.Cluster.DeactivateAsync(iModel);
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
