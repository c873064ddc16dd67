using Recents.Grains.RecentIModels;
using static Recents.Grains.Tests.TestRecents;

namespace Recents.Grains.Tests;

/// <summary>One list per user (docs/api.md#add-to-recents), most recently used first, at most 25, no duplicates.</summary>
[Collection(MemoryStorageClusterCollection.Name)]
public sealed class RecentIModelsGrainTests(MemoryStorageCluster cluster)
{
    private readonly IRecentIModelsGrain list = NewUsersList(cluster.Client);

    [Fact]
    public async Task NewUser_HasAnEmptyList()
    {
        Assert.Empty(await ListedAsync(list));
    }

    [Fact]
    public async Task Add_PutsTheMostRecentFirst()
    {
        var (first, second, third) = (NewEntry(), NewEntry(), NewEntry());

        await list.AddAsync(first);
        await list.AddAsync(second);
        await list.AddAsync(third);

        Assert.Equal([third, second, first], await ListedAsync(list));
    }

    [Fact]
    public async Task Add_BeyondTwentyFive_EvictsTheLeastRecentlyUsed()
    {
        var entries = NewEntries(30);

        foreach (var entry in entries)
        {
            await list.AddAsync(entry);
        }

        Assert.Equal(entries.Skip(5).Reverse(), await ListedAsync(list));
    }

    [Fact]
    public async Task ReAdd_MovesTheEntryToTheFront_WithoutDuplicate()
    {
        var (first, second, third) = (NewEntry(), NewEntry(), NewEntry());
        await list.AddAsync(first);
        await list.AddAsync(second);
        await list.AddAsync(third);

        await list.AddAsync(first);

        Assert.Equal([first, third, second], await ListedAsync(list));
    }

    [Fact]
    public async Task ReAdd_OfTheOldestEntry_SavesItFromTheNextEviction()
    {
        var entries = NewEntries(25);
        foreach (var entry in entries)
        {
            await list.AddAsync(entry);
        }

        var newest = NewEntry();
        await list.AddAsync(entries[0]);
        await list.AddAsync(newest);

        var listed = await ListedAsync(list);
        Assert.Equal(25, listed.Length);
        Assert.Equal([newest, entries[0]], listed.Take(2));
        Assert.DoesNotContain(entries[1], listed);
    }

    [Fact]
    public async Task AddingTheSameEntryTwice_LeavesOneEntry()
    {
        var entry = NewEntry();

        await list.AddAsync(entry);
        await list.AddAsync(entry);

        Assert.Equal([entry], await ListedAsync(list));
    }

    [Fact]
    public async Task ReAdd_OfAnIModelWithAnotherITwin_ReplacesItsEntry()
    {
        var (moved, other) = (NewEntry(), NewEntry());
        var movedAgain = moved with { ITwinId = Guid.NewGuid() };
        await list.AddAsync(moved);
        await list.AddAsync(other);

        await list.AddAsync(movedAgain);

        Assert.Equal([movedAgain, other], await ListedAsync(list));
    }

    [Fact]
    public async Task Remove_OfAPresentIModel_RemovesOnlyIt()
    {
        var (first, second, third) = (NewEntry(), NewEntry(), NewEntry());
        await list.AddAsync(first);
        await list.AddAsync(second);
        await list.AddAsync(third);

        await list.RemoveAsync(second.IModelId);

        Assert.Equal([third, first], await ListedAsync(list));
    }

    [Fact]
    public async Task Remove_OfAnAbsentIModel_ChangesNothing()
    {
        var (first, second) = (NewEntry(), NewEntry());
        await list.AddAsync(first);
        await list.AddAsync(second);

        await list.RemoveAsync(Guid.NewGuid());

        Assert.Equal([second, first], await ListedAsync(list));
    }

    [Fact]
    public async Task Remove_FromAnEmptyList_ChangesNothing()
    {
        await list.RemoveAsync(Guid.NewGuid());

        Assert.Empty(await ListedAsync(list));
    }

    [Fact]
    public async Task EachUser_HasTheirOwnList()
    {
        var otherList = NewUsersList(cluster.Client);
        var (mine, theirs) = (NewEntry(), NewEntry());

        await list.AddAsync(mine);
        await otherList.AddAsync(theirs);

        Assert.Equal([mine], await ListedAsync(list));
        Assert.Equal([theirs], await ListedAsync(otherList));
    }
}
