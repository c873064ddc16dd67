using Recents.Gatekeeper;
using Recents.Grains.FavoriteIModels;
using Recents.Grains.RecentIModels;
using Recents.PlatformDirectory;

namespace Recents.Grains.Tests;

/// <summary>
/// A refusal of an id that names nothing reads placeholder directory entries (<see cref="DirectoryPlaceholder"/>) and
/// the unknown iModel's own grain, against real Azure Table storage: reading a key that was never stored creates no
/// row, so a flood of unknown ids leaves storage as it was.
/// </summary>
[Collection(AzureTableClusterCollection.Name)]
public sealed class AzureTableRefusalTests(AzureTableCluster storage)
{
    private IGrainFactory Grains => storage.Client;

    private IRecentsGatekeeperGrain Recents => Grains.GetGrain<IRecentsGatekeeperGrain>(0);

    private IFavoritesGatekeeperGrain Favorites => Grains.GetGrain<IFavoritesGatekeeperGrain>(0);

    [Fact]
    public async Task RefusalsOfAnUnknownIModelOrITwin_WriteNoRow()
    {
        var (userId, unknownIModel, unknownITwin) = ($"user-{Guid.NewGuid()}", Guid.NewGuid(), Guid.NewGuid());
        var rowsBefore = await storage.ReadRowKeysAsync();

        Assert.False(await Recents.AddAsync(userId, unknownIModel));
        Assert.False(await Recents.RemoveAsync(userId, unknownIModel));
        Assert.Equal(FavoriteAddResult.NotFound, await Favorites.AddFavoriteAsync(userId, unknownIModel));
        Assert.Null(await Recents.ListAsync(userId, unknownITwin));
        Assert.Null(await Favorites.ListFavoritesAsync(userId, unknownITwin));

        Assert.Equal(rowsBefore.Order(), (await storage.ReadRowKeysAsync()).Order());
        Assert.Null(await storage.ReadRowAsync(Grains.GetGrain<IIModelGrain>(unknownIModel), StateNames.IModel));
        Assert.Null(await storage.ReadRowAsync(Grains.GetGrain<IITwinGrain>(DirectoryPlaceholder.Id), StateNames.ITwin));
        Assert.Null(await storage.ReadRowAsync(Grains.GetGrain<IITwinGrain>(DirectoryPlaceholder.Id), StateNames.ITwinIModels));
        Assert.Null(await storage.ReadRowAsync(Grains.GetGrain<IOrganizationGrain>(DirectoryPlaceholder.Id), StateNames.Organization));
    }

    [Fact]
    public async Task RemoveFavoriteOfAnUnknownIModel_WritesOnlyTheCallersFavorites()
    {
        var (userId, unknownIModel) = ($"user-{Guid.NewGuid()}", Guid.NewGuid());
        var favorites = Grains.GetGrain<IFavoriteIModelsGrain>(UserKey.FromUserId(userId));
        var rowsBefore = await storage.ReadRowKeysAsync();

        Assert.False(await Favorites.RemoveFavoriteAsync(userId, unknownIModel));

        // Every remove writes the caller's favorites, whether the iModel exists or not (see FavoriteIModelsGrain).
        var added = Assert.Single((await storage.ReadRowKeysAsync()).Except(rowsBefore));
        Assert.NotNull(await storage.ReadRowAsync(favorites, StateNames.FavoriteIModels));
        Assert.EndsWith($"/{StateNames.FavoriteIModels}", added);
    }
}
