using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Recents.Bench.Alternative.Storage;

namespace Recents.Bench.Alternative.Access;

/// <summary>
/// The directory table: one row per organization, iTwin or iModel (PartitionKey the id, RowKey the kind), the record's
/// JSON in the string property <c>Json</c>. A string property holds at most 64 KiB (32 K UTF-16 characters), which an
/// iTwin with some 400 members passes, so longer JSON continues in <c>Json1</c>, <c>Json2</c>... (a row holds 1 MiB).
/// </summary>
public sealed class DirectoryStore([FromKeyedServices(StorageSetup.DirectoryTableKey)] TableClient table)
{
    public const string JsonProperty = "Json";
    private const int MaxCharactersPerProperty = 32 * 1024;

    public async Task<T?> ReadAsync<T>(string kind, Guid id, CancellationToken cancellationToken)
        where T : class
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKeyOf(id), kind, cancellationToken: cancellationToken);
        return row.HasValue ? JsonSerializer.Deserialize<T>(JoinJson(row.Value!), DirectoryJson.Options) : null;
    }

    /// <summary>Upserts (replaces) the row, so a shorter record leaves no stale continuation behind.</summary>
    public async Task WriteAsync<T>(string kind, Guid id, T details, CancellationToken cancellationToken)
        where T : class
    {
        var json = JsonSerializer.Serialize(details, DirectoryJson.Options);
        var row = new TableEntity(PartitionKeyOf(id), kind);
        for (var (part, offset) = (0, 0); part == 0 || offset < json.Length; part++, offset += MaxCharactersPerProperty)
        {
            row[PropertyName(part)] = json.Substring(offset, Math.Min(MaxCharactersPerProperty, json.Length - offset));
        }

        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    private static string JoinJson(TableEntity row)
    {
        var first = row.GetString(JsonProperty);
        if (!row.ContainsKey(PropertyName(1)))
        {
            return first;
        }

        var json = new StringBuilder(first);
        for (var part = 1; row.TryGetValue(PropertyName(part), out var value); part++)
        {
            json.Append((string)value);
        }

        return json.ToString();
    }

    private static string PropertyName(int part) => part == 0 ? JsonProperty : $"{JsonProperty}{part}";

    private static string PartitionKeyOf(Guid id) => id.ToString("D");
}
