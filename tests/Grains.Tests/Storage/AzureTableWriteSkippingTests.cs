using static Recents.Grains.Tests.TestRecents;

namespace Recents.Grains.Tests;

/// <summary>
/// A write that changes nothing is skipped: the stored row (read directly from the table) keeps its ETag and
/// Timestamp. Real changes are checked too, to show that the row check does see writes.
/// </summary>
[Collection(AzureTableClusterCollection.Name)]
public sealed class AzureTableWriteSkippingTests(AzureTableCluster storage)
{
    /// <summary>Longer than any clock tick of the storage: a write after it would carry a new ETag and Timestamp.</summary>
    private static readonly TimeSpan AfterStorageClockTick = TimeSpan.FromMilliseconds(50);

    private IGrainFactory Grains => storage.Client;

    [Fact]
    public async Task ReAddingTheFrontEntry_DoesNotRewriteTheRow()
    {
        var (list, front) = (NewUsersList(Grains), NewEntry());
        await list.AddAsync(NewEntry());
        await list.AddAsync(front);

        var unchanged = await RowIsUnchangedByAsync(list, StateNames.RecentIModels, () => list.AddAsync(front));

        Assert.True(unchanged, "re-adding the entry already at the front rewrote the stored row");
    }

    [Fact]
    public async Task RemovingAnAbsentIModel_DoesNotRewriteTheRow()
    {
        var list = NewUsersList(Grains);
        await list.AddAsync(NewEntry());

        var unchanged = await RowIsUnchangedByAsync(list, StateNames.RecentIModels, () => list.RemoveAsync(Guid.NewGuid()));

        Assert.True(unchanged, "removing an absent iModel rewrote the stored row");
    }

    [Fact]
    public async Task AddingAnotherEntry_RewritesTheRow()
    {
        var list = NewUsersList(Grains);
        await list.AddAsync(NewEntry());

        var unchanged = await RowIsUnchangedByAsync(list, StateNames.RecentIModels, () => list.AddAsync(NewEntry()));

        Assert.False(unchanged, "a real change must be written (and the row check must see writes)");
    }

    [Fact]
    public async Task RemovingAPresentIModel_RewritesTheRow()
    {
        var (list, entry) = (NewUsersList(Grains), NewEntry());
        await list.AddAsync(NewEntry());
        await list.AddAsync(entry);

        var unchanged = await RowIsUnchangedByAsync(list, StateNames.RecentIModels, () => list.RemoveAsync(entry.IModelId));

        Assert.False(unchanged, "a real change must be written (and the row check must see writes)");
    }

    /// <summary>Whether <paramref name="operation"/> left the grain's stored row exactly as it was (same ETag and Timestamp).</summary>
    private async Task<bool> RowIsUnchangedByAsync(IAddressable grain, string stateName, Func<Task> operation)
    {
        var before = await storage.ReadRowAsync(grain, stateName);
        Assert.NotNull(before);
        await Task.Delay(AfterStorageClockTick);

        await operation();

        var after = await storage.ReadRowAsync(grain, stateName);
        Assert.NotNull(after);
        return after.ETag == before.ETag && after.Timestamp == before.Timestamp;
    }
}
