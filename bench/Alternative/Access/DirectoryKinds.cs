namespace Recents.Bench.Alternative.Access;

/// <summary>The RowKey of a directory row; its PartitionKey is the object's id, so rows spread over partitions.</summary>
public static class DirectoryKinds
{
    public const string Organization = "organization";
    public const string ITwin = "itwin";
    public const string IModel = "imodel";
}
