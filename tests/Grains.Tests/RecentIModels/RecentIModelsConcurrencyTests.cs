using Recents.Grains.RecentIModels;
using static Recents.Grains.Tests.TestRecents;

namespace Recents.Grains.Tests;

/// <summary>Concurrent adds (docs/api.md#add-to-recents) by one user are applied one at a time; none is lost.</summary>
[Collection(MemoryStorageClusterCollection.Name)]
public sealed class RecentIModelsConcurrencyTests(MemoryStorageCluster cluster)
{
    private readonly IRecentIModelsGrain list = NewUsersList(cluster.Client);

    [Fact]
    public async Task ConcurrentAdds_BelowCapacity_LoseNone()
    {
        var entries = NewEntries(24);

        await Task.WhenAll(entries.Select(entry => Task.Run(() => list.AddAsync(entry))));

        var listed = await ListedAsync(list);
        Assert.Equal(24, listed.Length);
        Assert.True(listed.ToHashSet().SetEquals(entries), "every concurrently added entry is listed");
    }

    [Fact]
    public async Task TwoHundredConcurrentAdds_WithRepeats_LeaveTwentyFiveDistinctAddedEntries()
    {
        var distinct = NewEntries(175);
        var calls = distinct.Concat(distinct.Where((_, i) => i % 7 == 0)).Shuffle().ToArray();
        Assert.Equal(200, calls.Length);

        await Task.WhenAll(calls.Select(entry => Task.Run(() => list.AddAsync(entry))));

        var listed = await ListedAsync(list);
        Assert.Equal(25, listed.Length);
        Assert.Equal(25, listed.Select(entry => entry.IModelId).Distinct().Count());
        Assert.Subset(distinct.ToHashSet(), listed.ToHashSet());

        // The list is still a consistent one: the next add goes to the front and evicts only the oldest.
        var next = NewEntry();
        await list.AddAsync(next);
        Assert.Equal(listed.Take(24).Prepend(next), await ListedAsync(list));
    }

    /// <summary>
    /// Twenty callers add ten iModels each, every caller waiting for its previous add, all callers at once:
    /// 200 adds. Each caller's adds are applied in its own order, so if the grain keeps the last 25 distinct
    /// iModels in the order it applied them, the entries of one caller that survive are that caller's latest,
    /// newest first. A lost, duplicated or misplaced update breaks that for some caller.
    /// </summary>
    [Fact]
    public async Task ConcurrentCallers_LeaveTheLatestTwentyFiveInTheOrderTheyWereApplied()
    {
        var callers = Enumerable.Range(0, 20).Select(_ => NewEntries(9)).ToArray();
        // Each caller repeats its first iModel last, which moves it from the back of its adds to the front.
        var addsOf = callers.Select(own => own.Append(own[0]).ToArray()).ToArray();
        var appliedOrderOf = callers.Select(own => own.Skip(1).Append(own[0]).ToArray()).ToArray();

        await Task.WhenAll(addsOf.Select(adds => Task.Run(async () =>
        {
            foreach (var entry in adds)
            {
                await list.AddAsync(entry);
            }
        })));

        var listed = await ListedAsync(list);
        Assert.Equal(25, listed.Length);
        Assert.Equal(25, listed.Distinct().Count());
        Assert.Subset(callers.SelectMany(own => own).ToHashSet(), listed.ToHashSet());
        foreach (var appliedOrder in appliedOrderOf)
        {
            var survivors = listed.Where(appliedOrder.Contains).ToArray();
            Assert.Equal(appliedOrder.TakeLast(survivors.Length).Reverse(), survivors);
        }
    }
}
