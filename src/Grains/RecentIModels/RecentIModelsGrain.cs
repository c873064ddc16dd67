using System.Collections.Immutable;
using Recents.Grains.RecentIModels;
using Recents.Grains.Storage;
using Recents.Grains.Telemetry;

namespace Recents.Grains.RecentIModels;

/// <summary>
/// One user's recently used iModels. Orleans runs one call at a time per activation, so concurrent adds
/// of one user are applied in turn and each sees the result of the previous one.
/// </summary>
/// <remarks>
/// Every add and remove writes, even one that changes nothing in this activation's copy: the write is
/// conditional on the ETag, and it is the only way a duplicate activation (two silos briefly both hosting the
/// user, or a second cluster on the same storage) learns that its copy is stale. A skipped write would
/// acknowledge, say, a re-add of the front entry while the stored list has another entry in front.
/// </remarks>
// The grain type name is part of every stored key: pinned so that renaming the class keeps the data.
[GrainType("recentimodels")]
public sealed class RecentIModelsGrain(
    [PersistentState("recentIModels", GrainStorage.Name)] IPersistentState<RecentIModelsState> state,
    ListMetrics metrics)
    : Grain, IRecentIModelsGrain
{
    public Task AddAsync(RecentIModel entry)
    {
        var updated = state.State.Entries
            .Where(existing => existing.IModelId != entry.IModelId)
            .Prepend(entry)
            .Take(RecentIModelsLimits.Capacity)
            .ToImmutableArray();
        return SaveAsync(updated, ListMetrics.Added);
    }

    public Task RemoveAsync(Guid iModelId) =>
        SaveAsync(state.State.Entries.RemoveAll(existing => existing.IModelId == iModelId), ListMetrics.Removed);

    public Task ClearAsync() => state.ClearOrDeactivateAsync(this);

    public Task<ImmutableArray<RecentIModel>> ListAsync() => Task.FromResult(state.State.Entries);

    private async Task SaveAsync(ImmutableArray<RecentIModel> entries, string change)
    {
        state.State.Entries = entries;
        await state.WriteOrDeactivateAsync(this);
        metrics.Written(ListMetrics.Recents, change, entries.Length);
    }
}
