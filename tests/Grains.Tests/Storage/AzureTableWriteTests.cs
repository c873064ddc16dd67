using static Recents.Grains.Tests.TestRecents;

namespace Recents.Grains.Tests;

/// <summary>
/// Every add and remove writes the stored row (read directly from the table), even one that changes nothing in
/// the activation's copy: only the ETag-checked write tells a stale duplicate activation that it is stale.
/// </summary>
[Collection(AzureTableClusterCollection.Name)]
public sealed class AzureTableWriteTests(AzureTableCluster storage)
{
    /// <summary>Longer than any clock tick of the storage: a write after it would carry a new ETag and Timestamp.</summary>
    private static readonly TimeSpan AfterStorageClockTick = TimeSpan.FromMilliseconds(50);

    private IGrainFactory Grains => storage.Client;

    [Fact]
    public async Task ReAddingTheFrontEntry_RewritesTheRow()
    {
        var (list, front) = (NewUsersList(Grains), NewEntry());
        await list.AddAsync(NewEntry());
        await list.AddAsync(front);

        var unchanged = await RowIsUnchangedByAsync(list, StateNames.RecentIModels, () => list.AddAsync(front));

        Assert.False(unchanged, "re-adding the entry already at the front must still write, checking the ETag");
    }

    [Fact]
    public async Task RemovingAnAbsentIModel_RewritesTheRow()
    {
        var list = NewUsersList(Grains);
        await list.AddAsync(NewEntry());

        var unchanged = await RowIsUnchangedByAsync(list, StateNames.RecentIModels, () => list.RemoveAsync(Guid.NewGuid()));

        Assert.False(unchanged, "removing an absent iModel must still write, checking the ETag");
    }

    [Fact]
    public async Task AddingAnotherEntry_RewritesTheRow()
    {
        var list = NewUsersList(Grains);
        await list.AddAsync(NewEntry());

        var unchanged = await RowIsUnchangedByAsync(list, StateNames.RecentIModels, () => list.AddAsync(NewEntry()));

        Assert.False(unchanged, "a real change must be written");
    }

    [Fact]
    public async Task RemovingAPresentIModel_RewritesTheRow()
    {
        var (list, entry) = (NewUsersList(Grains), NewEntry());
        await list.AddAsync(NewEntry());
        await list.AddAsync(entry);

        var unchanged = await RowIsUnchangedByAsync(list, StateNames.RecentIModels, () => list.RemoveAsync(entry.IModelId));

        Assert.False(unchanged, "a real change must be written");
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
