using System.Globalization;
using System.Net;
using Azure.Data.Tables;

namespace Recents.Integration.Tests.Drills;

/// <summary>The Orleans membership table of the drills' clusters, as stored: what each silo is, as the cluster voted it.</summary>
internal sealed class MembershipTable(string storageConnectionString)
{
    private readonly TableClient table = new(storageConnectionString, "RecentsSiloInstances");

    /// <summary>The status (Active, Dead, ...) of the newest silo of <paramref name="clusterId"/> at <paramref name="address"/>.</summary>
    public async Task<string?> StatusOfAsync(string clusterId, IPAddress address)
    {
        TableEntity? newest = null;
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            if (row.PartitionKey.Contains(clusterId, StringComparison.Ordinal) && Text(row, "Address") == address.ToString()
                && (newest is null || Generation(row) > Generation(newest)))
            {
                newest = row;
            }
        }

        return newest is null ? null : Text(newest, "Status");
    }

    // Orleans stores these columns as strings.
    private static string? Text(TableEntity row, string column) => row.TryGetValue(column, out var value) ? value?.ToString() : null;

    private static long Generation(TableEntity row) => long.Parse(Text(row, "Generation") ?? "0", CultureInfo.InvariantCulture);
}
