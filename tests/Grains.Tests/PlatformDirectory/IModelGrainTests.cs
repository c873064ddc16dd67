using Recents.PlatformDirectory;

namespace Recents.Grains.Tests;

/// <summary>An iModel is stored, replaced in its iTwin, but never moved to another iTwin (IIModelGrain.SetAsync).</summary>
[Collection(MemoryStorageClusterCollection.Name)]
public sealed class IModelGrainTests(MemoryStorageCluster cluster)
{
    private readonly IIModelGrain iModel = cluster.Client.GetGrain<IIModelGrain>(Guid.NewGuid());

    [Fact]
    public async Task UnknownIModel_IsNull()
    {
        Assert.Null(await iModel.GetAsync());
    }

    [Fact]
    public async Task Set_OfANewIModel_StoresIt()
    {
        var details = SampleDirectory.IModelWithRolePermissions();

        Assert.Equal(IModelStoreResult.Stored, await iModel.SetAsync(details));

        DetailsAssert.Equal(details, await iModel.GetAsync());
    }

    [Fact]
    public async Task Set_InTheSameITwin_ReplacesTheIModel()
    {
        var original = SampleDirectory.IModelWithRolePermissions();
        var replacement = SampleDirectory.UnsecuredIModel() with { ITwinId = original.ITwinId, Name = "Renamed" };
        await iModel.SetAsync(original);

        Assert.Equal(IModelStoreResult.Stored, await iModel.SetAsync(replacement));

        DetailsAssert.Equal(replacement, await iModel.GetAsync());
    }

    [Fact]
    public async Task Set_InAnotherITwin_IsRefused_AndKeepsTheStoredIModel()
    {
        var original = SampleDirectory.IModelWithUserPermissions();
        await iModel.SetAsync(original);

        Assert.Equal(IModelStoreResult.BoundToAnotherITwin, await iModel.SetAsync(original with { ITwinId = Guid.NewGuid() }));

        DetailsAssert.Equal(original, await iModel.GetAsync());
    }

    [Fact]
    public async Task Set_InAnotherITwin_AfterDeletion_IsRefused_TheIdStaysBoundToItsITwin()
    {
        var original = SampleDirectory.UnsecuredIModel();
        await iModel.SetAsync(original);
        await iModel.DeleteAsync();

        Assert.Equal(IModelStoreResult.BoundToAnotherITwin, await iModel.SetAsync(original with { ITwinId = Guid.NewGuid() }));

        Assert.Null(await iModel.GetAsync());
    }

    [Fact]
    public async Task Delete_MakesTheIModelUnknown()
    {
        await iModel.SetAsync(SampleDirectory.IModelWithRolePermissions());

        await iModel.DeleteAsync();

        Assert.Null(await iModel.GetAsync());
    }
}
