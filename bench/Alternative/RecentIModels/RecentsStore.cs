using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Recents.Bench.Alternative.Storage;
using Recents.Grains.RecentIModels;

namespace Recents.Bench.Alternative.RecentIModels;

/// <summary>
/// Users' lists in the recents table. A change reads the row, applies the change and writes the row back on the
/// condition that nobody wrote it in between: <c>UpdateEntity</c> with the ETag that was read (Replace), or
/// <c>AddEntity</c> when there was no row. Losing that race (412, or 409 when another writer created the row first)
/// means reading again and reapplying, after a jittered backoff (<see cref="RecentsWriteOptions"/>). The write is
/// acknowledged by storage before the method returns, so a 204 is durable.
/// </summary>
public sealed class RecentsStore(
    [FromKeyedServices(StorageSetup.RecentsTableKey)] TableClient table, IOptions<RecentsWriteOptions> writeOptions)
{
    public async Task<IReadOnlyList<RecentIModel>> ReadAsync(string userKey, CancellationToken cancellationToken) =>
        RecentsCodec.Decode((await ReadRowAsync(userKey, cancellationToken))?.Entries);

    /// <summary>Puts the entry first. Always writes, also when it was first already (as the Orleans service does).</summary>
    public Task AddAsync(string userKey, RecentIModel entry, CancellationToken cancellationToken) =>
        ChangeAsync(userKey, entries => RecentsList.MoveToFront(entries, entry), cancellationToken);

    /// <summary>Removes the iModel; writes only when it was listed.</summary>
    public Task RemoveAsync(string userKey, Guid iModelId, CancellationToken cancellationToken) =>
        ChangeAsync(userKey, entries => RecentsList.Remove(entries, iModelId), cancellationToken);

    /// <summary>Read, change, conditional write; again on a lost race. <paramref name="change"/> returns null for "nothing to write".</summary>
    private async Task ChangeAsync(
        string userKey, Func<IReadOnlyList<RecentIModel>, IReadOnlyList<RecentIModel>?> change, CancellationToken cancellationToken)
    {
        var options = writeOptions.Value;
        for (var attempt = 1; ; attempt++)
        {
            var current = await ReadRowAsync(userKey, cancellationToken);
            var changed = change(RecentsCodec.Decode(current?.Entries));
            if (changed is null)
            {
                return;
            }

            var row = new RecentsEntity { PartitionKey = userKey, Entries = RecentsCodec.Encode(changed) };
            try
            {
                if (current is null)
                {
                    await table.AddEntityAsync(row, cancellationToken);
                }
                else
                {
                    await table.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                RecentsMetrics.WriteConflicts.Add(1);
                if (attempt >= options.MaxWriteAttempts)
                {
                    RecentsMetrics.WritesGivenUp.Add(1);
                    throw new WriteConflictException(attempt);
                }
            }

            await Task.Delay(options.DelayAfter(attempt), cancellationToken);
        }
    }

    private async Task<RecentsEntity?> ReadRowAsync(string userKey, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<RecentsEntity>(userKey, RecentsEntity.ListRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }
}
