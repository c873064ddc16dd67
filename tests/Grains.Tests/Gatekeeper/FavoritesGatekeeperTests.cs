using System.Collections.Immutable;
using Recents.Gatekeeper;
using Recents.Grains.FavoriteIModels;
using Recents.Grains.PlatformDirectory;
using Recents.Grains.RecentIModels;
using Recents.PlatformDirectory;
using static Recents.Tests.Shared.DirectoryBuilders;

namespace Recents.Grains.Tests;

/// <summary>
/// Favorites through the gatekeeper (docs/api.md#favorites): only viewable iModels are added and listed, against the
/// directory as it is now; a favorite is removed even once the user may no longer view it or it was deleted.
/// </summary>
[Collection(MemoryStorageClusterCollection.Name)]
public sealed class FavoritesGatekeeperTests(MemoryStorageCluster cluster)
{
    private static readonly Guid Viewer = Guid.Parse("00000000-0000-4000-8000-00000000b001");

    private readonly Guid organizationId = Guid.NewGuid();
    private readonly Guid iTwinId = Guid.NewGuid();
    private readonly Guid otherITwinId = Guid.NewGuid();
    private readonly Guid openIModel = Guid.NewGuid();
    private readonly Guid secondOpenIModel = Guid.NewGuid();
    private readonly Guid iModelForBobOnly = Guid.NewGuid();
    private readonly Guid otherITwinIModel = Guid.NewGuid();
    private readonly string alice = NewUserId();

    private IFavoritesGatekeeperGrain Gatekeeper => cluster.Client.GetGrain<IFavoritesGatekeeperGrain>(0);

    private IFavoriteIModelsGrain FavoritesOf(string userId) => cluster.Client.GetGrain<IFavoriteIModelsGrain>(UserKey.FromUserId(userId));

    [Fact]
    public async Task AddFavorite_ViewableIModels_AreListedNewestFirst_WithTheirPositions()
    {
        await StoreDirectoryAsync();

        Assert.Equal(FavoriteAddResult.Added, await Gatekeeper.AddFavoriteAsync(alice, openIModel));
        Assert.Equal(FavoriteAddResult.Added, await Gatekeeper.AddFavoriteAsync(alice, secondOpenIModel));

        var listed = Assert.NotNull(await Gatekeeper.ListFavoritesAsync(alice, iTwinId));
        var stored = await StoredAsync(alice);
        Assert.Equal([secondOpenIModel, openIModel], listed.Select(favorite => favorite.IModel.Id));
        Assert.Equal(stored.Select(entry => entry.Position), listed.Select(favorite => favorite.Position));
        Assert.True(listed[0].Position > listed[1].Position);
        Assert.All(listed, favorite => Assert.Equal(iTwinId, favorite.IModel.ITwinId));
        Assert.Equal("Bridge", listed[0].IModel.Name);
    }

    [Fact]
    public async Task AddFavorite_Again_IsAdded_AndKeepsItsPlace()
    {
        await StoreDirectoryAsync();
        await Gatekeeper.AddFavoriteAsync(alice, openIModel);
        await Gatekeeper.AddFavoriteAsync(alice, secondOpenIModel);
        var before = await StoredAsync(alice);

        Assert.Equal(FavoriteAddResult.Added, await Gatekeeper.AddFavoriteAsync(alice, openIModel));

        Assert.Equal(before, await StoredAsync(alice));
    }

    [Fact]
    public async Task AddFavorite_NotViewableOrUnknown_IsNotFound_AndAddsNothing()
    {
        await StoreDirectoryAsync();

        Assert.Equal(FavoriteAddResult.NotFound, await Gatekeeper.AddFavoriteAsync(alice, iModelForBobOnly));
        Assert.Equal(FavoriteAddResult.NotFound, await Gatekeeper.AddFavoriteAsync(alice, Guid.NewGuid()));
        Assert.Equal(FavoriteAddResult.NotFound, await Gatekeeper.AddFavoriteAsync(NewUserId(), openIModel));

        Assert.Empty(await StoredAsync(alice));
    }

    [Fact]
    public async Task AddFavorite_OfADeletedIModel_IsNotFound()
    {
        await StoreDirectoryAsync();
        await cluster.Client.GetGrain<IIModelGrain>(openIModel).DeleteAsync();

        Assert.Equal(FavoriteAddResult.NotFound, await Gatekeeper.AddFavoriteAsync(alice, openIModel));

        Assert.Empty(await StoredAsync(alice));
    }

    [Fact]
    public async Task AddFavorite_WhenFull_IsLimitReached_ButAFavoriteIsStillAdded()
    {
        await StoreDirectoryAsync();
        Assert.Equal(FavoriteAddResult.Added, await Gatekeeper.AddFavoriteAsync(alice, openIModel));
        var favorites = FavoritesOf(alice);
        for (var i = 1; i < FavoritesLimits.Capacity; i++)
        {
            Assert.True(await favorites.AddAsync(Guid.NewGuid(), otherITwinId));
        }

        var full = await TestFavorites.FavoritesAsync(favorites);

        Assert.Equal(FavoriteAddResult.LimitReached, await Gatekeeper.AddFavoriteAsync(alice, secondOpenIModel));
        Assert.Equal(FavoriteAddResult.Added, await Gatekeeper.AddFavoriteAsync(alice, openIModel));
        Assert.Equal(FavoriteAddResult.NotFound, await Gatekeeper.AddFavoriteAsync(alice, iModelForBobOnly));

        Assert.Equal(full, await TestFavorites.FavoritesAsync(favorites));
        Assert.True(await Gatekeeper.RemoveFavoriteAsync(alice, openIModel));
        Assert.Equal(FavoriteAddResult.Added, await Gatekeeper.AddFavoriteAsync(alice, secondOpenIModel));
        Assert.Equal([secondOpenIModel], ListedIds(await Gatekeeper.ListFavoritesAsync(alice, iTwinId)));
    }

    [Fact]
    public async Task RemoveFavorite_OfAFavorite_IsTrue_AndRemovesIt()
    {
        await StoreDirectoryAsync();
        await Gatekeeper.AddFavoriteAsync(alice, openIModel);
        await Gatekeeper.AddFavoriteAsync(alice, secondOpenIModel);

        Assert.True(await Gatekeeper.RemoveFavoriteAsync(alice, openIModel));

        Assert.Equal([secondOpenIModel], ListedIds(await Gatekeeper.ListFavoritesAsync(alice, iTwinId)));
        Assert.Equal([secondOpenIModel], (await StoredAsync(alice)).Select(entry => entry.IModelId));
    }

    [Fact]
    public async Task RemoveFavorite_OfAViewableNonFavorite_IsTrue_AndChangesNothing()
    {
        await StoreDirectoryAsync();
        await Gatekeeper.AddFavoriteAsync(alice, openIModel);
        var before = await StoredAsync(alice);

        Assert.True(await Gatekeeper.RemoveFavoriteAsync(alice, secondOpenIModel));
        Assert.True(await Gatekeeper.RemoveFavoriteAsync(alice, openIModel));
        Assert.True(await Gatekeeper.RemoveFavoriteAsync(alice, openIModel));

        Assert.Equal(before.Length - 1, (await StoredAsync(alice)).Length);
    }

    [Fact]
    public async Task RemoveFavorite_OfANotViewableNonFavorite_IsFalse_AndChangesNothing()
    {
        await StoreDirectoryAsync();
        await Gatekeeper.AddFavoriteAsync(alice, openIModel);
        var before = await StoredAsync(alice);

        Assert.False(await Gatekeeper.RemoveFavoriteAsync(alice, iModelForBobOnly));
        Assert.False(await Gatekeeper.RemoveFavoriteAsync(alice, Guid.NewGuid()));
        Assert.False(await Gatekeeper.RemoveFavoriteAsync(NewUserId(), openIModel));

        Assert.Equal(before, await StoredAsync(alice));
    }

    [Fact]
    public async Task RemoveFavorite_AfterTheIModelWasDeleted_IsTrue_AndRemovesIt()
    {
        await StoreDirectoryAsync();
        await Gatekeeper.AddFavoriteAsync(alice, openIModel);
        await Gatekeeper.AddFavoriteAsync(alice, secondOpenIModel);
        await cluster.Client.GetGrain<IIModelGrain>(openIModel).DeleteAsync();

        Assert.True(await Gatekeeper.RemoveFavoriteAsync(alice, openIModel));

        Assert.Equal([secondOpenIModel], (await StoredAsync(alice)).Select(entry => entry.IModelId));
        Assert.False(await Gatekeeper.RemoveFavoriteAsync(alice, openIModel));
    }

    [Fact]
    public async Task RemoveFavorite_AfterViewingWasRevoked_IsTrue_AndRemovesIt()
    {
        await StoreDirectoryAsync();
        await Gatekeeper.AddFavoriteAsync(alice, openIModel);
        await Gatekeeper.AddFavoriteAsync(alice, secondOpenIModel);
        await StoreIModelAsync(openIModel, IModelWithUserPermissions(UserGrant("bob", ViewAccess.ViewPermission)));

        Assert.True(await Gatekeeper.RemoveFavoriteAsync(alice, openIModel));

        Assert.Equal([secondOpenIModel], (await StoredAsync(alice)).Select(entry => entry.IModelId));
        Assert.False(await Gatekeeper.RemoveFavoriteAsync(alice, openIModel));
    }

    [Fact]
    public async Task RemoveFavorite_AfterMembershipWasRevoked_IsTrue_AndRemovesIt()
    {
        await StoreDirectoryAsync();
        await Gatekeeper.AddFavoriteAsync(alice, openIModel);
        await StoreITwinAsync(Member(NewUserId(), Viewer));

        Assert.True(await Gatekeeper.RemoveFavoriteAsync(alice, openIModel));

        Assert.Empty(await StoredAsync(alice));
        Assert.Null(await Gatekeeper.ListFavoritesAsync(alice, iTwinId));
    }

    [Fact]
    public async Task ListFavorites_HoldsOnlyTheViewableFavoritesOfTheITwin_WithTheirStoredPositions()
    {
        await StoreDirectoryAsync();
        await Gatekeeper.AddFavoriteAsync(alice, openIModel);
        await Gatekeeper.AddFavoriteAsync(alice, otherITwinIModel);
        await Gatekeeper.AddFavoriteAsync(alice, secondOpenIModel);
        // As if the iModel had been secured after Alice made it a favorite.
        await FavoritesOf(alice).AddAsync(iModelForBobOnly, iTwinId);
        var deleted = Guid.NewGuid();
        await StoreIModelAsync(deleted, UnsecuredIModel());
        await Gatekeeper.AddFavoriteAsync(alice, deleted);
        await cluster.Client.GetGrain<IIModelGrain>(deleted).DeleteAsync();
        var stored = (await StoredAsync(alice)).ToDictionary(entry => entry.IModelId, entry => entry.Position);

        var listed = Assert.NotNull(await Gatekeeper.ListFavoritesAsync(alice, iTwinId));

        Assert.Equal(5, stored.Count);
        Assert.Equal([secondOpenIModel, openIModel], listed.Select(favorite => favorite.IModel.Id));
        Assert.All(listed, favorite => Assert.Equal(stored[favorite.IModel.Id], favorite.Position));
        Assert.Equal([otherITwinIModel], ListedIds(await Gatekeeper.ListFavoritesAsync(alice, otherITwinId)));
    }

    [Fact]
    public async Task ListFavorites_OfAnUnknownOrUnseenITwin_IsNull()
    {
        await StoreDirectoryAsync();
        await Gatekeeper.AddFavoriteAsync(alice, openIModel);
        var stranger = NewUserId();
        await FavoritesOf(stranger).AddAsync(openIModel, iTwinId);

        Assert.Null(await Gatekeeper.ListFavoritesAsync(alice, Guid.NewGuid()));
        Assert.Null(await Gatekeeper.ListFavoritesAsync(stranger, iTwinId));
    }

    [Fact]
    public async Task ListFavorites_OfAVisibleITwinWithoutFavorites_IsEmpty()
    {
        await StoreDirectoryAsync();

        Assert.Empty(Assert.NotNull(await Gatekeeper.ListFavoritesAsync(alice, iTwinId)));
    }

    [Fact]
    public async Task ListFavorites_AfterViewingWasRevoked_LeavesItOut_ButKeepsItAFavorite()
    {
        await StoreDirectoryAsync();
        await Gatekeeper.AddFavoriteAsync(alice, openIModel);
        await Gatekeeper.AddFavoriteAsync(alice, secondOpenIModel);
        await StoreIModelAsync(openIModel, IModelWithUserPermissions(UserGrant("bob", ViewAccess.ViewPermission)));

        Assert.Equal([secondOpenIModel], ListedIds(await Gatekeeper.ListFavoritesAsync(alice, iTwinId)));

        // Viewable again: back in its place, with its position.
        var position = (await StoredAsync(alice)).Single(entry => entry.IModelId == openIModel).Position;
        await StoreIModelAsync(openIModel, UnsecuredIModel());
        var listed = Assert.NotNull(await Gatekeeper.ListFavoritesAsync(alice, iTwinId));
        Assert.Equal([secondOpenIModel, openIModel], listed.Select(favorite => favorite.IModel.Id));
        Assert.Equal(position, listed[1].Position);
    }

    /// <summary>The user's favorites as stored, as an array: ImmutableArray equality compares references, not elements.</summary>
    private async Task<FavoriteIModel[]> StoredAsync(string userId) => [.. await FavoritesOf(userId).ListAsync()];

    private async Task StoreDirectoryAsync()
    {
        await cluster.Client.GetGrain<IOrganizationGrain>(organizationId).SetAsync(Organization(NewUserId()));
        await StoreITwinAsync(Member(alice, Viewer));
        await cluster.Client.GetGrain<IITwinGrain>(otherITwinId).SetAsync(
            new ITwinDetails(organizationId, [Role(Viewer, ViewAccess.ViewPermission)], [Member(alice, Viewer)]));
        await StoreIModelAsync(openIModel, UnsecuredIModel());
        await StoreIModelAsync(secondOpenIModel, UnsecuredIModel());
        await StoreIModelAsync(iModelForBobOnly, IModelWithUserPermissions(UserGrant("bob", ViewAccess.ViewPermission)));
        Assert.Equal(IModelStoreResult.Stored, await cluster.Client.GetGrain<IIModelGrain>(otherITwinIModel).SetAsync(
            UnsecuredIModel() with { ITwinId = otherITwinId }));
    }

    private Task StoreITwinAsync(params ITwinMember[] members) =>
        cluster.Client.GetGrain<IITwinGrain>(iTwinId).SetAsync(
            new ITwinDetails(organizationId, [Role(Viewer, ViewAccess.ViewPermission)], [.. members]));

    private async Task StoreIModelAsync(Guid id, IModelDetails details) =>
        Assert.Equal(IModelStoreResult.Stored, await cluster.Client.GetGrain<IIModelGrain>(id).SetAsync(details with { ITwinId = iTwinId }));

    private static Guid[] ListedIds(ImmutableArray<ListedFavorite>? listed) =>
        [.. Assert.NotNull(listed).Select(favorite => favorite.IModel.Id)];

    private static string NewUserId() => $"user-{Guid.NewGuid()}";
}
