using System.Net;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>
/// The view rule over favorites (docs/api.md#favorites, docs/api.md#who-may-view-an-imodel): a favorite is listed only
/// while the caller may view it, comes back when access returns, and can always be removed.
/// </summary>
[Collection(RecentsApiCollection.Name)]
public sealed class FavoritesAccessTests(RecentsApiFixture fixture)
{
    [Fact]
    public async Task PermissionRevoked_AfterAnAdd_HidesTheFavoriteAtOnceAndRefusesAnotherAdd()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var spec = new IModelSpec();
        var revoked = await directory.AddIModelAsync(spec);
        var kept = await directory.AddIModelAsync();
        await favorites.AddAllAsync(revoked, kept);

        await directory.UpdateIModelAsync(revoked, spec with { UserPermissions = [] });

        Assert.Equal([kept], await favorites.ListIdsAsync(directory.ITwinId));
        using var added = await favorites.AddAsync(revoked);
        await ApiAssert.ErrorAsync(added, HttpStatusCode.NotFound, "iModelNotFound");
    }

    [Fact]
    public async Task PermissionGrantedAgain_AfterBeingRevoked_ShowsTheFavoriteInItsPlace()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var spec = new IModelSpec();
        var ids = await directory.AddIModelsAsync(2);
        var revoked = await directory.AddIModelAsync(spec);
        await favorites.AddAllAsync(ids[0], revoked, ids[1]);

        await directory.UpdateIModelAsync(revoked, spec with { UserPermissions = [] });
        Assert.Equal([ids[1], ids[0]], await favorites.ListIdsAsync(directory.ITwinId));
        await directory.UpdateIModelAsync(revoked, spec);

        Assert.Equal([ids[1], revoked, ids[0]], await favorites.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task ViewRevokedFromTheCallersRole_AfterAnAdd_HidesEveryFavoriteUntilGrantedAgain()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(2);
        await favorites.AddAllAsync(ids);

        await directory.SetRolePermissions(directory.ViewerRoleId, "imodels_read").SaveAsync();
        Assert.Empty(await favorites.ListIdsAsync(directory.ITwinId));
        await directory.SetRolePermissions(directory.ViewerRoleId, DirectoryBuilder.View).SaveAsync();

        Assert.Equal([ids[1], ids[0]], await favorites.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task CallerRemovedFromTheITwin_AfterAnAdd_MakesTheListITwinNotFound()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        await favorites.AddAllAsync(await directory.AddIModelAsync());

        await directory.WithoutMember(favorites.User.Id).SaveAsync();

        using var response = await favorites.ListAsync(directory.ITwinId);
        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "iTwinNotFound");
    }

    [Fact]
    public async Task DeletedIModel_AfterAnAdd_LeavesTheListAndCannotBeAdded()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var kept = await directory.AddIModelAsync();
        var deleted = await directory.AddIModelAsync();
        await favorites.AddAllAsync(kept, deleted);

        await fixture.Admin().DeleteIModelExpectingSuccessAsync(deleted);

        Assert.Equal([kept], await favorites.ListIdsAsync(directory.ITwinId));
        using var added = await favorites.AddAsync(deleted);
        await ApiAssert.ErrorAsync(added, HttpStatusCode.NotFound, "iModelNotFound");
    }

    [Fact]
    public async Task DeletedIModel_StoredAgain_IsListedAgainAsAFavorite()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync();
        await favorites.AddAllAsync(iModelId);
        await fixture.Admin().DeleteIModelExpectingSuccessAsync(iModelId);

        await directory.UpdateIModelAsync(iModelId, new IModelSpec());

        Assert.Equal([iModelId], await favorites.ListIdsAsync(directory.ITwinId));
    }

    // ---- the DELETE exception -----------------------------------------------------------------------

    [Fact]
    public async Task Remove_OfAFavoriteWhoseIModelWasDeleted_Is204AndRemovesIt()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync();
        await favorites.AddAllAsync(iModelId);
        await fixture.Admin().DeleteIModelExpectingSuccessAsync(iModelId);

        using var removed = await favorites.RemoveAsync(iModelId);

        await ApiAssert.NoContentAsync(removed);
        await directory.UpdateIModelAsync(iModelId, new IModelSpec());
        Assert.Empty(await favorites.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Remove_OfAFavoriteNoLongerViewable_Is204AndRemovesIt()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var spec = new IModelSpec();
        var iModelId = await directory.AddIModelAsync(spec);
        await favorites.AddAllAsync(iModelId);
        await directory.UpdateIModelAsync(iModelId, spec with { UserPermissions = [] });

        using var removed = await favorites.RemoveAsync(iModelId);

        await ApiAssert.NoContentAsync(removed);
        await directory.UpdateIModelAsync(iModelId, spec);
        Assert.Empty(await favorites.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Remove_OfAFavoriteAfterLeavingTheITwin_Is204ThenTheNextRemoveIs404()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync();
        await favorites.AddAllAsync(iModelId);
        await directory.WithoutMember(favorites.User.Id).SaveAsync();

        using (var removed = await favorites.RemoveAsync(iModelId))
        {
            await ApiAssert.NoContentAsync(removed);
        }

        using var again = await favorites.RemoveAsync(iModelId);
        await ApiAssert.ErrorAsync(again, HttpStatusCode.NotFound, "iModelNotFound");
    }

    [Fact]
    public async Task Remove_OfADeletedIModelThatWasNeverAFavorite_Is404()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync();
        await fixture.Admin().DeleteIModelExpectingSuccessAsync(iModelId);

        using var removed = await favorites.RemoveAsync(iModelId);

        await ApiAssert.ErrorAsync(removed, HttpStatusCode.NotFound, "iModelNotFound");
    }

    [Fact]
    public async Task HiddenFavorite_InAPagedList_DoesNotCountAgainstTop()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var spec = new IModelSpec();
        var ids = await directory.AddIModelsAsync(3);
        var hidden = await directory.AddIModelAsync(spec);
        await favorites.AddAllAsync(ids[0], ids[1], hidden, ids[2]);

        await directory.UpdateIModelAsync(hidden, spec with { UserPermissions = [] });

        Assert.Equal([ids[2], ids[1]], await favorites.ListIdsAsync(directory.ITwinId, "$top=2"));
        Assert.Equal([ids[0]], await favorites.ListIdsAsync(directory.ITwinId, "$top=2&$skip=2"));
    }

    private async Task<(FavoritesCaller Favorites, DirectoryBuilder Directory)> ViewerOfNewITwinAsync()
    {
        var favorites = fixture.NewFavoritesUser();
        var directory = await fixture.NewDirectory().WithViewer(favorites.User.Id).SaveAsync();
        return (favorites, directory);
    }
}
