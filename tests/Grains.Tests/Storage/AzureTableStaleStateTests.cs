using Recents.PlatformDirectory;
using Recents.Storage;
using static Recents.Grains.Tests.TestFavorites;
using static Recents.Grains.Tests.TestRecents;

namespace Recents.Grains.Tests;

/// <summary>
/// When another activation of a grain has written since this one loaded (a duplicate activation, or a second cluster
/// on the same storage), this one's next change is refused with <see cref="StaleGrainStateException"/>, a type the API
/// can read, and the retry applies to the stored state: for a user's list, an iTwin's iModels and an iModel's binding.
/// </summary>
[Collection(AzureTableClusterCollection.Name)]
public sealed class AzureTableStaleStateTests(AzureTableCluster storage)
{
    private IGrainFactory Grains => storage.Client;

    [Fact]
    public async Task Add_OverAStaleCopy_IsRefusedAndItsRetryAppliesToTheStoredList()
    {
        var (list, first, second) = (NewUsersList(Grains), NewEntry(), NewEntry());
        await list.AddAsync(first);
        await storage.RewriteRowAsync(list, StateNames.RecentIModels);

        await Assert.ThrowsAsync<StaleGrainStateException>(() => list.AddAsync(second));
        await list.AddAsync(second);

        Assert.Equal([second, first], await ListedAsync(list));
    }

    [Fact]
    public async Task ReAddOfTheFrontEntry_OverAStaleCopy_IsRefusedToo()
    {
        var (list, front) = (NewUsersList(Grains), NewEntry());
        await list.AddAsync(front);
        await storage.RewriteRowAsync(list, StateNames.RecentIModels);

        await Assert.ThrowsAsync<StaleGrainStateException>(() => list.AddAsync(front));
    }

    [Fact]
    public async Task RemoveOfAnAbsentEntry_OverAStaleCopy_IsRefusedToo()
    {
        var list = NewUsersList(Grains);
        await list.AddAsync(NewEntry());
        await storage.RewriteRowAsync(list, StateNames.RecentIModels);

        await Assert.ThrowsAsync<StaleGrainStateException>(() => list.RemoveAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task AddFavorite_OverAStaleCopy_IsRefusedAndItsRetryAppliesToTheStoredFavorites()
    {
        var (favorites, iTwinId, first, second) = (NewUsersFavorites(Grains), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await favorites.AddAsync(first, iTwinId);
        await storage.RewriteRowAsync(favorites, StateNames.FavoriteIModels);

        await Assert.ThrowsAsync<StaleGrainStateException>(() => favorites.AddAsync(second, iTwinId));
        Assert.True(await favorites.AddAsync(second, iTwinId));

        Assert.Equal([second, first], await FavoriteIdsAsync(favorites));
    }

    [Fact]
    public async Task ReAddOfAFavorite_OverAStaleCopy_IsRefusedToo()
    {
        var (favorites, iTwinId, favorite) = (NewUsersFavorites(Grains), Guid.NewGuid(), Guid.NewGuid());
        await favorites.AddAsync(favorite, iTwinId);
        await storage.RewriteRowAsync(favorites, StateNames.FavoriteIModels);

        await Assert.ThrowsAsync<StaleGrainStateException>(() => favorites.AddAsync(favorite, iTwinId));
    }

    [Fact]
    public async Task RemoveOfANonFavorite_OverAStaleCopy_IsRefusedToo()
    {
        var favorites = NewUsersFavorites(Grains);
        await favorites.AddAsync(Guid.NewGuid(), Guid.NewGuid());
        await storage.RewriteRowAsync(favorites, StateNames.FavoriteIModels);

        await Assert.ThrowsAsync<StaleGrainStateException>(() => favorites.RemoveAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task StoreIModel_OverAStaleCopyOfItsITwin_IsRefused()
    {
        var (iModel, details) = (Grains.GetGrain<IIModelGrain>(Guid.NewGuid()), SampleDirectory.UnsecuredIModel());
        await iModel.SetAsync(details);
        await storage.RewriteRowAsync(Grains.GetGrain<IITwinGrain>(details.ITwinId), StateNames.ITwinIModels);

        await Assert.ThrowsAsync<StaleGrainStateException>(() => iModel.SetAsync(details with { Name = "Renamed" }));
    }

    [Fact]
    public async Task DeleteOfADeletedIModel_OverAStaleCopyOfItsITwin_IsRefusedToo()
    {
        var (iModel, details) = (Grains.GetGrain<IIModelGrain>(Guid.NewGuid()), SampleDirectory.UnsecuredIModel());
        await iModel.SetAsync(details);
        await iModel.DeleteAsync();
        await storage.RewriteRowAsync(Grains.GetGrain<IITwinGrain>(details.ITwinId), StateNames.ITwinIModels);

        await Assert.ThrowsAsync<StaleGrainStateException>(() => iModel.DeleteAsync());
    }

    [Fact]
    public async Task StoreIModel_OverAStaleCopyOfItsBinding_IsRefused()
    {
        var (iModel, details) = (Grains.GetGrain<IIModelGrain>(Guid.NewGuid()), SampleDirectory.UnsecuredIModel());
        await iModel.SetAsync(details);
        await storage.RewriteRowAsync(iModel, StateNames.IModel);

        await Assert.ThrowsAsync<StaleGrainStateException>(() => iModel.SetAsync(details with { Name = "Renamed" }));
    }
}
