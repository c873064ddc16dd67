namespace Recents.Bench.Alternative.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Azure Storage or Azurite connection string (required).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>One row per user: PartitionKey = <c>UserKey.FromUserId(sub)</c>, RowKey = <c>recents</c>.</summary>
    public string RecentsTable { get; set; } = "AltRecents";

    /// <summary>Organizations, iTwins and iModels: PartitionKey = the id, RowKey = the kind.</summary>
    public string DirectoryTable { get; set; } = "AltDirectory";
}
