using Recents.Bench.Alternative.RecentIModels;
using Recents.Grains.RecentIModels;

namespace Recents.Bench.Alternative.Tests;

/// <summary>The list rules and the row format, without storage.</summary>
public sealed class RecentsListTests
{
    [Fact]
    public void MoveToFront_PutsTheEntryFirst_WithoutDuplicates_AndKeepsAtMost25()
    {
        var iTwinId = Guid.NewGuid();
        var entries = Enumerable.Range(0, 30).Select(_ => new RecentIModel(Guid.NewGuid(), iTwinId)).ToList();

        IReadOnlyList<RecentIModel> list = [];
        foreach (var entry in entries)
        {
            list = RecentsList.MoveToFront(list, entry);
        }

        Assert.Equal(entries.AsEnumerable().Reverse().Take(RecentIModelsLimits.Capacity), list);

        list = RecentsList.MoveToFront(list, entries[10]);
        Assert.Equal(RecentIModelsLimits.Capacity, list.Count);
        Assert.Equal(entries[10], list[0]);
        Assert.Single(list, entry => entry == entries[10]);
        Assert.Equal(entries[29], list[1]);
    }

    [Fact]
    public void Remove_IsNullWhenNotListed()
    {
        var entry = new RecentIModel(Guid.NewGuid(), Guid.NewGuid());
        Assert.Null(RecentsList.Remove([entry], Guid.NewGuid()));
        Assert.Empty(RecentsList.Remove([entry], entry.IModelId)!);
    }

    [Fact]
    public void Codec_RoundTripsAFullList_In801Bytes()
    {
        var entries = Enumerable.Range(0, RecentIModelsLimits.Capacity).Select(_ => new RecentIModel(Guid.NewGuid(), Guid.NewGuid())).ToList();

        var bytes = RecentsCodec.Encode(entries);

        Assert.Equal(801, bytes.Length);
        Assert.Equal(entries, RecentsCodec.Decode(bytes));
        Assert.Empty(RecentsCodec.Decode([]));
        Assert.Throws<InvalidDataException>(() => RecentsCodec.Decode([2]));
    }

    [Fact]
    public void RetryDelays_StayWithinTheirDoublingBound()
    {
        var options = new RecentsWriteOptions { FirstRetryDelayMilliseconds = 10, MaxRetryDelayMilliseconds = 500 };
        for (var i = 0; i < 1000; i++)
        {
            Assert.InRange(options.DelayAfter(1).TotalMilliseconds, 0, 10);
            Assert.InRange(options.DelayAfter(3).TotalMilliseconds, 0, 40);
            Assert.InRange(options.DelayAfter(50).TotalMilliseconds, 0, 500);
        }
    }
}
