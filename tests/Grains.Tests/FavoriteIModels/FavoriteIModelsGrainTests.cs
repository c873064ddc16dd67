using Recents.Gatekeeper;
using Recents.Grains.FavoriteIModels;
using static Recents.Grains.Tests.TestFavorites;

namespace Recents.Grains.Tests;

/// <summary>
/// One user's favorites (docs/api.md#favorites): newest first, at most <see cref="FavoritesLimits.Capacity"/>, each
/// with a position that grows with every new favorite, is kept while the iModel stays one, and is never reused.
/// </summary>
[Collection(MemoryStorageClusterCollection.Name)]
public sealed class FavoriteIModelsGrainTests(MemoryStorageCluster cluster)
{
    private readonly IFavoriteIModelsGrain favorites = NewUsersFavorites(cluster.Client);
    private readonly Guid iTwinId = Guid.NewGuid();

    [Fact]
    public async Task NewUser_HasNoFavorites()
    {
        Assert.Empty(await FavoritesAsync(favorites));
    }

    [Fact]
    public async Task Add_PutsTheNewestFirst_WithGrowingPositions()
    {
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var otherITwin = Guid.NewGuid();

        Assert.True(await favorites.AddAsync(first, iTwinId));
        Assert.True(await favorites.AddAsync(second, otherITwin));
        Assert.True(await favorites.AddAsync(third, iTwinId));

        var listed = await FavoritesAsync(favorites);
        Assert.Equal([third, second, first], listed.Select(entry => entry.IModelId));
        Assert.Equal([iTwinId, otherITwin, iTwinId], listed.Select(entry => entry.ITwinId));
        AssertStrictlyDecreasing(listed);
        Assert.True(listed[^1].Position > 0, "positions start above 0, which a first page's cursor may name");
    }

    [Fact]
    public async Task ReAdd_KeepsThePlaceAndThePosition()
    {
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await favorites.AddAsync(first, iTwinId);
        await favorites.AddAsync(second, iTwinId);
        await favorites.AddAsync(third, iTwinId);
        var before = await FavoritesAsync(favorites);

        Assert.True(await favorites.AddAsync(first, iTwinId));
        Assert.True(await favorites.AddAsync(third, iTwinId));

        Assert.Equal(before, await FavoritesAsync(favorites));
    }

    [Fact]
    public async Task ReAdd_DoesNotUseUpAPosition()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await favorites.AddAsync(first, iTwinId);
        await favorites.AddAsync(first, iTwinId);
        await favorites.AddAsync(first, iTwinId);

        await favorites.AddAsync(second, iTwinId);

        var listed = await FavoritesAsync(favorites);
        Assert.Equal(listed[1].Position + 1, listed[0].Position);
    }

    [Fact]
    public async Task Remove_OfAFavorite_ReturnsTrue_AndRemovesOnlyIt()
    {
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await favorites.AddAsync(first, iTwinId);
        await favorites.AddAsync(second, iTwinId);
        await favorites.AddAsync(third, iTwinId);
        var before = await FavoritesAsync(favorites);

        Assert.True(await favorites.RemoveAsync(second));

        Assert.Equal([before[0], before[2]], await FavoritesAsync(favorites));
    }

    [Fact]
    public async Task Remove_Twice_IsFalseTheSecondTime_AndChangesNothingMore()
    {
        var (kept, removed) = (Guid.NewGuid(), Guid.NewGuid());
        await favorites.AddAsync(kept, iTwinId);
        await favorites.AddAsync(removed, iTwinId);

        Assert.True(await favorites.RemoveAsync(removed));
        var afterFirst = await FavoritesAsync(favorites);
        Assert.False(await favorites.RemoveAsync(removed));

        Assert.Equal(afterFirst, await FavoritesAsync(favorites));
        Assert.Equal([kept], afterFirst.Select(entry => entry.IModelId));
    }

    [Fact]
    public async Task Remove_OfANonFavorite_IsFalse_AndChangesNothing()
    {
        await favorites.AddAsync(Guid.NewGuid(), iTwinId);
        var before = await FavoritesAsync(favorites);

        Assert.False(await favorites.RemoveAsync(Guid.NewGuid()));

        Assert.Equal(before, await FavoritesAsync(favorites));
    }

    [Fact]
    public async Task Remove_FromNoFavorites_IsFalse()
    {
        Assert.False(await favorites.RemoveAsync(Guid.NewGuid()));

        Assert.Empty(await FavoritesAsync(favorites));
    }

    [Fact]
    public async Task Positions_AfterRemovals_AreNeverReused()
    {
        var ids = NewIds(3);
        foreach (var id in ids)
        {
            await favorites.AddAsync(id, iTwinId);
        }

        var highest = (await FavoritesAsync(favorites))[0].Position;
        foreach (var id in ids)
        {
            Assert.True(await favorites.RemoveAsync(id));
        }

        var (next, readded) = (Guid.NewGuid(), ids[2]);
        await favorites.AddAsync(next, iTwinId);
        await favorites.AddAsync(readded, iTwinId);

        var listed = await FavoritesAsync(favorites);
        Assert.Equal([readded, next], listed.Select(entry => entry.IModelId));
        AssertStrictlyDecreasing(listed);
        Assert.True(listed[1].Position > highest, $"position {listed[1].Position} after removals reuses one up to {highest}");
    }

    [Fact]
    public async Task ReAdd_AfterRemove_ComesFirstWithANewPosition()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await favorites.AddAsync(first, iTwinId);
        await favorites.AddAsync(second, iTwinId);
        var oldPosition = (await FavoritesAsync(favorites))[1].Position;

        await favorites.RemoveAsync(first);
        await favorites.AddAsync(first, iTwinId);

        var listed = await FavoritesAsync(favorites);
        Assert.Equal([first, second], listed.Select(entry => entry.IModelId));
        Assert.True(listed[0].Position > listed[1].Position && listed[0].Position != oldPosition);
    }

    [Fact]
    public async Task Add_WhenFull_IsRefused_AndChangesNothing()
    {
        var ids = await FillAsync(favorites, iTwinId);
        var full = await FavoritesAsync(favorites);

        Assert.False(await favorites.AddAsync(Guid.NewGuid(), iTwinId));

        Assert.Equal(FavoritesLimits.Capacity, full.Length);
        Assert.Equal(ids.Reverse(), full.Select(entry => entry.IModelId));
        AssertStrictlyDecreasing(full);
        Assert.Equal(full, await FavoritesAsync(favorites));
    }

    [Fact]
    public async Task ReAdd_WhenFull_IsAccepted_AndChangesNothing()
    {
        var ids = await FillAsync(favorites, iTwinId);
        var full = await FavoritesAsync(favorites);

        Assert.True(await favorites.AddAsync(ids[0], iTwinId));
        Assert.True(await favorites.AddAsync(ids[^1], iTwinId));

        Assert.Equal(full, await FavoritesAsync(favorites));
    }

    [Fact]
    public async Task Remove_WhenFull_FreesAPlaceForOneMore()
    {
        var ids = await FillAsync(favorites, iTwinId);
        var (refusedBefore, next, refusedAfter) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.False(await favorites.AddAsync(refusedBefore, iTwinId));

        Assert.True(await favorites.RemoveAsync(ids[500]));
        Assert.True(await favorites.AddAsync(next, iTwinId));
        Assert.False(await favorites.AddAsync(refusedAfter, iTwinId));

        var listed = await FavoritesAsync(favorites);
        Assert.Equal(FavoritesLimits.Capacity, listed.Length);
        Assert.Equal(ids.Where((_, i) => i != 500).Reverse().Prepend(next), listed.Select(entry => entry.IModelId));
        AssertStrictlyDecreasing(listed);
    }

    [Fact]
    public async Task EachUser_HasTheirOwnFavorites()
    {
        var others = NewUsersFavorites(cluster.Client);
        var (mine, theirs) = (Guid.NewGuid(), Guid.NewGuid());

        await favorites.AddAsync(mine, iTwinId);
        await others.AddAsync(theirs, iTwinId);

        Assert.Equal([mine], await FavoriteIdsAsync(favorites));
        Assert.Equal([theirs], await FavoriteIdsAsync(others));
        Assert.False(await others.RemoveAsync(mine));
    }
}
