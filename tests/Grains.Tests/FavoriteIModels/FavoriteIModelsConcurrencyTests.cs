using Recents.Gatekeeper;
using Recents.Grains.FavoriteIModels;
using static Recents.Grains.Tests.TestFavorites;

namespace Recents.Grains.Tests;

/// <summary>
/// Concurrent adds of one user (docs/api.md#favorites) are applied one at a time: none is lost or duplicated, the cap
/// holds exactly, and exactly the adds that were refused are the iModels not held.
/// </summary>
[Collection(MemoryStorageClusterCollection.Name)]
public sealed class FavoriteIModelsConcurrencyTests(MemoryStorageCluster cluster)
{
    private readonly IFavoriteIModelsGrain favorites = NewUsersFavorites(cluster.Client);
    private readonly Guid iTwinId = Guid.NewGuid();

    [Fact]
    public async Task ConcurrentAdds_BelowCapacity_LoseNone()
    {
        var ids = NewIds(100);

        var accepted = await Task.WhenAll(ids.Select(id => Task.Run(() => favorites.AddAsync(id, iTwinId))));

        Assert.DoesNotContain(false, accepted);
        var listed = await FavoritesAsync(favorites);
        Assert.True(listed.Select(entry => entry.IModelId).ToHashSet().SetEquals(ids), "every concurrently added iModel is a favorite");
        Assert.Equal(100, listed.Length);
        AssertStrictlyDecreasing(listed);
    }

    [Fact]
    public async Task ElevenHundredConcurrentAdds_WithRepeats_HoldExactlyTheAcceptedThousand()
    {
        var distinct = NewIds(1100);
        var calls = distinct.Concat(distinct.Where((_, i) => i % 11 == 0)).Shuffle().ToArray();
        Assert.Equal(1200, calls.Length);

        var results = await Task.WhenAll(calls.Select(id => Task.Run(async () => (Id: id, Accepted: await favorites.AddAsync(id, iTwinId)))));

        var listed = await FavoritesAsync(favorites);
        var held = listed.Select(entry => entry.IModelId).ToHashSet();
        Assert.Equal(FavoritesLimits.Capacity, listed.Length);
        Assert.Equal(FavoritesLimits.Capacity, held.Count);
        Assert.Subset(distinct.ToHashSet(), held);
        Assert.All(listed, entry => Assert.Equal(iTwinId, entry.ITwinId));
        AssertStrictlyDecreasing(listed);
        // Every call for an iModel that is held was accepted (the first added it, a repeat found it); every call for
        // one that is not was refused (the favorites were full, and stayed full).
        Assert.All(results, result => Assert.Equal(held.Contains(result.Id), result.Accepted));
        Assert.Equal(100, results.Where(result => !result.Accepted).Select(result => result.Id).Distinct().Count());

        // Still consistent: a removal frees one place, taken by the next add, in front.
        var (removed, next) = (listed[^1].IModelId, Guid.NewGuid());
        Assert.False(await favorites.AddAsync(next, iTwinId));
        Assert.True(await favorites.RemoveAsync(removed));
        Assert.True(await favorites.AddAsync(next, iTwinId));
        var after = await FavoritesAsync(favorites);
        Assert.Equal(next, after[0].IModelId);
        Assert.Equal(listed[..^1], after[1..]);
        Assert.True(after[0].Position > listed[0].Position);
    }

    [Fact]
    public async Task ConcurrentAddsAndRemoves_LeaveExactlyTheAddedFavorites()
    {
        var kept = NewIds(50);
        var removed = NewIds(50);
        foreach (var id in removed)
        {
            await favorites.AddAsync(id, iTwinId);
        }

        await Task.WhenAll(
            kept.Select(id => Task.Run(() => favorites.AddAsync(id, iTwinId)))
                .Concat(removed.Select(id => Task.Run(() => favorites.RemoveAsync(id)))));

        var listed = await FavoritesAsync(favorites);
        Assert.True(listed.Select(entry => entry.IModelId).ToHashSet().SetEquals(kept), "exactly the kept iModels are favorites");
        AssertStrictlyDecreasing(listed);
    }
}
