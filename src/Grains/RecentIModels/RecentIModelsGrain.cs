using System.Collections.Immutable;
using Recents.Grains.Storage;
using Recents.RecentIModels;

namespace Recents.Grains.RecentIModels;

/// <summary>
/// One user's recently used iModels. Orleans runs one call at a time per activation, so concurrent adds
/// of one user are applied in turn and each sees the result of the previous one.
/// </summary>
// The grain type name is part of every stored key: pinned so that renaming the class keeps the data.
[GrainType("recentimodels")]
public sealed class RecentIModelsGrain(
    [PersistentState("recentIModels", GrainStorage.Name)] IPersistentState<RecentIModelsState> state)
    : Grain, IRecentIModelsGrain
{
    public Task AddAsync(RecentIModel entry)
    {
        var entries = state.State.Entries;
        if (entries.Length > 0 && entries[0] == entry)
        {
            return Task.CompletedTask;
        }

        var updated = entries
            .Where(existing => existing.IModelId != entry.IModelId)
            .Prepend(entry)
            .Take(RecentIModelsLimits.Capacity)
            .ToImmutableArray();
        return SaveAsync(updated);
    }

    public Task RemoveAsync(Guid iModelId)
    {
        var entries = state.State.Entries;
        var updated = entries.RemoveAll(existing => existing.IModelId == iModelId);
        return updated.Length == entries.Length ? Task.CompletedTask : SaveAsync(updated);
    }

    public Task<ImmutableArray<RecentIModel>> ListAsync() => Task.FromResult(state.State.Entries);

    private Task SaveAsync(ImmutableArray<RecentIModel> entries)
    {
        state.State.Entries = entries;
        return state.WriteOrDeactivateAsync(this);
    }
}
