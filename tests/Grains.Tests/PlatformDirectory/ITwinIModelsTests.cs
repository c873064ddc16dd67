using Recents.Grains.PlatformDirectory;
using Recents.PlatformDirectory;
using Recents.Tests.Shared;

namespace Recents.Grains.Tests;

/// <summary>
/// An iTwin holds the details of its iModels (IITwinIModelsGrain), stored through the iModel's grain (IIModelGrain),
/// within what one stored row can take (ITwinIModelsLimits).
/// </summary>
[Collection(MemoryStorageClusterCollection.Name)]
public sealed class ITwinIModelsTests(MemoryStorageCluster cluster)
{
    private const int LimitBytes = ITwinIModelsLimits.MaxSerializedBytes;

    private readonly Guid iTwinId = Guid.NewGuid();

    private IITwinIModelsGrain ITwin => cluster.Client.GetGrain<IITwinIModelsGrain>(iTwinId);

    [Fact]
    public async Task GetWithIModels_AnswersEachRequestedId_InOrder_NullForThoseTheITwinDoesNotHold()
    {
        await cluster.Client.GetGrain<IITwinGrain>(iTwinId).SetAsync(SampleDirectory.ITwin());
        var (first, second, deleted, elsewhere) = (NewIModel(), NewIModel(), NewIModel(), Guid.NewGuid());
        var firstDetails = SampleDirectory.IModelWithRolePermissions() with { ITwinId = iTwinId };
        var secondDetails = SampleDirectory.UnsecuredIModel() with { ITwinId = iTwinId };
        await first.SetAsync(firstDetails);
        await second.SetAsync(secondDetails);
        await deleted.SetAsync(secondDetails with { Name = "deleted" });
        await deleted.DeleteAsync();
        await cluster.Client.GetGrain<IIModelGrain>(elsewhere).SetAsync(SampleDirectory.UnsecuredIModel());

        var answer = await ITwin.GetWithIModelsAsync(
            [second.GetPrimaryKey(), elsewhere, first.GetPrimaryKey(), deleted.GetPrimaryKey()]);

        Assert.NotNull(answer);
        DetailsAssert.Equal(SampleDirectory.ITwin() with { OrganizationId = answer.ITwin.OrganizationId }, answer.ITwin);
        Assert.Equal(4, answer.IModels.Length);
        DetailsAssert.Equal(secondDetails, answer.IModels[0]);
        Assert.Null(answer.IModels[1]);
        DetailsAssert.Equal(firstDetails, answer.IModels[2]);
        Assert.Null(answer.IModels[3]);
    }

    [Fact]
    public async Task GetWithIModels_OfAnITwinNeverStored_IsNull_EvenWithIModelsStoredInIt()
    {
        await NewIModel().SetAsync(SampleDirectory.UnsecuredIModel() with { ITwinId = iTwinId });

        Assert.Null(await ITwin.GetWithIModelsAsync([]));
    }

    [Fact]
    public async Task AnIModelTooLargeForItsITwin_IsRefused_StoresNothing_AndLeavesItsIdFree()
    {
        var iModel = NewIModel();
        var tooLarge = LargeIModels.OfAbout(LimitBytes * 5 / 4, iTwinId, "too large");

        Assert.Equal(IModelStoreResult.ITwinFull, await iModel.SetAsync(tooLarge));

        Assert.Null(await iModel.GetAsync());
        Assert.Null(await ITwin.GetIModelAsync(iModel.GetPrimaryKey()));
        Assert.Null(await iModel.GetITwinIdAsync());
        var elsewhere = SampleDirectory.UnsecuredIModel();
        Assert.Equal(IModelStoreResult.Stored, await iModel.SetAsync(elsewhere));
        DetailsAssert.Equal(elsewhere, await iModel.GetAsync());
    }

    [Fact]
    public async Task AFullITwin_RefusesOneMoreIModel_KeepsTheOthers_AndTakesItOnceAnotherIsDeleted()
    {
        var part = LimitBytes * 3 / 10;
        var stored = new[] { NewIModel(), NewIModel(), NewIModel() };
        foreach (var (iModel, i) in stored.Select((iModel, i) => (iModel, i)))
        {
            Assert.Equal(IModelStoreResult.Stored, await iModel.SetAsync(LargeIModels.OfAbout(part, iTwinId, $"part {i}")));
        }

        var (oneMore, oneMoreDetails) = (NewIModel(), LargeIModels.OfAbout(part, iTwinId, "one more"));

        Assert.Equal(IModelStoreResult.ITwinFull, await oneMore.SetAsync(oneMoreDetails));

        Assert.Null(await oneMore.GetAsync());
        Assert.Null(await ITwin.GetIModelAsync(oneMore.GetPrimaryKey()));
        foreach (var (iModel, i) in stored.Select((iModel, i) => (iModel, i)))
        {
            Assert.Equal($"part {i}", (await iModel.GetAsync())?.Name);
        }

        await stored[0].DeleteAsync();
        Assert.Equal(IModelStoreResult.Stored, await oneMore.SetAsync(oneMoreDetails));
        DetailsAssert.Equal(oneMoreDetails, await oneMore.GetAsync());
    }

    [Fact]
    public async Task ReplacingAnIModel_ByOneTooLarge_IsRefused_AndKeepsTheStoredOne_AndItsBinding()
    {
        var iModel = NewIModel();
        var original = SampleDirectory.IModelWithUserPermissions() with { ITwinId = iTwinId };
        await iModel.SetAsync(original);

        Assert.Equal(IModelStoreResult.ITwinFull, await iModel.SetAsync(LargeIModels.OfAbout(LimitBytes * 5 / 4, iTwinId, "too large")));

        DetailsAssert.Equal(original, await iModel.GetAsync());
        Assert.Equal(iTwinId, await iModel.GetITwinIdAsync());
    }

    [Fact]
    public async Task Store_NewIModelInTwoITwinsAtOnce_StoresItInExactlyOne()
    {
        var iModel = NewIModel();
        var (home, other) = (SampleDirectory.UnsecuredIModel() with { ITwinId = iTwinId }, SampleDirectory.UnsecuredIModel());

        var results = await Task.WhenAll(Task.Run(() => iModel.SetAsync(home)), Task.Run(() => iModel.SetAsync(other)));

        Assert.Equal(
            [IModelStoreResult.Stored, IModelStoreResult.BoundToAnotherITwin],
            results.Order());
        var holders = await Task.WhenAll(new[] { home.ITwinId, other.ITwinId }.Select(
            id => cluster.Client.GetGrain<IITwinIModelsGrain>(id).GetIModelAsync(iModel.GetPrimaryKey())));
        Assert.Single(holders, held => held is not null);
        Assert.Equal(await iModel.GetITwinIdAsync(), results[0] == IModelStoreResult.Stored ? home.ITwinId : other.ITwinId);
    }

    private IIModelGrain NewIModel() => cluster.Client.GetGrain<IIModelGrain>(Guid.NewGuid());
}
