using Azure;
using Azure.Data.Tables;

namespace Recents.Bench.Alternative.RecentIModels;

/// <summary>
/// A user's list: one row, PartitionKey = <c>UserKey.FromUserId(sub)</c>, RowKey = <see cref="ListRowKey"/>,
/// the entries in <see cref="Entries"/> as <see cref="RecentsCodec"/> packs them.
/// </summary>
public sealed class RecentsEntity : ITableEntity
{
    public const string ListRowKey = "recents";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = ListRowKey;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public byte[] Entries { get; set; } = [];
}
