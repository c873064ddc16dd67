namespace Recents.Grains.Tests;

/// <summary>
/// A user's data as a whole (docs/api.md#user-data) against real Azure Table storage: the export holds both lists as
/// stored, and an erase deletes both rows, empties both lists, and touches no other user.
/// </summary>
[Collection(AzureTableClusterCollection.Name)]
public sealed class UserDataGrainTests(AzureTableCluster storage)
{
    private IGrainFactory Grains => storage.Client;

    [Fact]
    public async Task Export_UserWithRecentsAndFavorites_ReturnsBothListsWithIdsAndOrder()
    {
        var user = await TestUser.WithDataAsync(Grains, recents: 4, favorites: 3);

        await user.AssertExportedAsync(Grains);
    }

    [Fact]
    public async Task Export_AfterDeactivation_ReturnsWhatIsStored()
    {
        var user = await TestUser.WithDataAsync(Grains);

        await storage.Cluster.DeactivateAsync(user.RecentsGrain(Grains));
        await storage.Cluster.DeactivateAsync(user.FavoritesGrain(Grains));

        await user.AssertExportedAsync(Grains);
    }

    [Fact]
    public async Task Export_UserWithNothingStored_ReturnsEmptyLists()
    {
        await TestUser.AssertEmptyAsync(Grains, $"nobody-{Guid.NewGuid()}");
    }

    [Fact]
    public async Task Erase_UserWithData_EmptiesBothListsAndDeletesTheRows()
    {
        var user = await TestUser.WithDataAsync(Grains);
        Assert.NotNull(await storage.ReadRowAsync(user.RecentsGrain(Grains), StateNames.RecentIModels));
        Assert.NotNull(await storage.ReadRowAsync(user.FavoritesGrain(Grains), StateNames.FavoriteIModels));

        await TestUser.UserData(Grains).EraseAsync(user.Id);

        Assert.Null(await storage.ReadRowAsync(user.RecentsGrain(Grains), StateNames.RecentIModels));
        Assert.Null(await storage.ReadRowAsync(user.FavoritesGrain(Grains), StateNames.FavoriteIModels));
        await TestUser.AssertEmptyAsync(Grains, user.Id);
    }

    [Fact]
    public async Task Erase_Twice_SucceedsAndStaysEmpty()
    {
        var user = await TestUser.WithDataAsync(Grains);

        await TestUser.UserData(Grains).EraseAsync(user.Id);
        await TestUser.UserData(Grains).EraseAsync(user.Id);

        await TestUser.AssertEmptyAsync(Grains, user.Id);
        Assert.Null(await storage.ReadRowAsync(user.RecentsGrain(Grains), StateNames.RecentIModels));
    }

    [Fact]
    public async Task Erase_UserWithNothingStored_SucceedsAndStoresNothing()
    {
        var userId = $"nobody-{Guid.NewGuid()}";

        await TestUser.UserData(Grains).EraseAsync(userId);

        await TestUser.AssertEmptyAsync(Grains, userId);
        var user = new TestUser(userId, [], []);
        Assert.Null(await storage.ReadRowAsync(user.RecentsGrain(Grains), StateNames.RecentIModels));
        Assert.Null(await storage.ReadRowAsync(user.FavoritesGrain(Grains), StateNames.FavoriteIModels));
    }

    [Fact]
    public async Task Erase_ThenNewData_IsStoredAfresh()
    {
        var user = await TestUser.WithDataAsync(Grains);
        await TestUser.UserData(Grains).EraseAsync(user.Id);

        var entry = new RecentIModels.RecentIModel(Guid.NewGuid(), Guid.NewGuid());
        await user.RecentsGrain(Grains).AddAsync(entry);
        await storage.Cluster.DeactivateAsync(user.RecentsGrain(Grains));

        Assert.Equal([entry], [.. await user.RecentsGrain(Grains).ListAsync()]);
    }

    [Fact]
    public async Task Erase_OneUser_LeavesOtherUsersUntouched()
    {
        var (erased, other) = (await TestUser.WithDataAsync(Grains), await TestUser.WithDataAsync(Grains));

        await TestUser.UserData(Grains).EraseAsync(erased.Id);

        await other.AssertExportedAsync(Grains);
        await storage.Cluster.DeactivateAsync(other.RecentsGrain(Grains));
        await storage.Cluster.DeactivateAsync(other.FavoritesGrain(Grains));
        await other.AssertExportedAsync(Grains);
    }
}
