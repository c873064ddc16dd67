using Recents.Silo.Storage;

namespace Recents.Unit.Tests.Silo.Storage;

/// <summary>The table tag of the silo's storage counters, read from a request path.</summary>
public sealed class StorageMetricsTableTests
{
    [Theory]
    [InlineData("/devstoreaccount1/RecentsGrainState(PartitionKey='recents_a',RowKey='b')", "RecentsGrainState")]
    [InlineData("/RecentsGrainState(PartitionKey='recents_a',RowKey='b')", "RecentsGrainState")]
    [InlineData("/RecentsGrainState(PartitionKey='recents%2Fa',RowKey='b')", "RecentsGrainState")]
    [InlineData("/devstoreaccount1/RecentsGrainState(PartitionKey='a/b/c',RowKey='d')", "RecentsGrainState")]
    [InlineData("/devstoreaccount1/RecentsGrainState()", "RecentsGrainState")]
    [InlineData("/devstoreaccount1/RecentsGrainState", "RecentsGrainState")]
    [InlineData("/RecentsSiloInstances", "RecentsSiloInstances")]
    [InlineData("/devstoreaccount1/Tables", "Tables")]
    [InlineData("/Tables('RecentsGrainState')", "Tables")]
    [InlineData("/devstoreaccount1/$batch", "$batch")]
    [InlineData("/devstoreaccount1/", StorageMetrics.NoTable)]
    [InlineData("/", StorageMetrics.NoTable)]
    public void TableOf_RequestPath_IsTheSegmentAfterTheAccountWithoutItsKeys(string path, string table) =>
        Assert.Equal(table, StorageMetrics.TableOf(path));
}
