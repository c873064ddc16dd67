using System.Collections.Immutable;
using Recents.Gatekeeper;
using Recents.Grains.Storage;
using Recents.Grains.Telemetry;

namespace Recents.Grains.FavoriteIModels;

/// <summary>
/// One user's favorite iModels. Orleans runs one call at a time per activation, so concurrent adds of one user are
/// applied in turn: none is lost, none is duplicated, and the cap holds exactly.
/// </summary>
/// <remarks>
/// Every add and remove writes, even one that changes nothing in this activation's copy: the write is conditional on
/// the ETag, and it is how a duplicate activation learns that its copy is stale (as for recents).
/// </remarks>
// The grain type name is part of every stored key: pinned so that renaming the class keeps the data.
[GrainType("favoriteimodels")]
public sealed class FavoriteIModelsGrain(
    [PersistentState("favoriteIModels", GrainStorage.Name)] IPersistentState<FavoriteIModelsState> state,
    ListMetrics metrics)
    : Grain, IFavoriteIModelsGrain
{
    private ImmutableArray<FavoriteIModel> Entries => state.State.Entries;

    public async Task<bool> AddAsync(Guid iModelId, Guid iTwinId)
    {
        var isFavorite = Entries.Any(entry => entry.IModelId == iModelId);
        if (!isFavorite && Entries.Length >= FavoritesLimits.Capacity)
        {
            await state.WriteOrDeactivateAsync(this);
            return false;
        }

        if (!isFavorite)
        {
            state.State.LastPosition++;
            state.State.Entries = Entries.Insert(0, new FavoriteIModel(iModelId, iTwinId, state.State.LastPosition));
        }

        await state.WriteOrDeactivateAsync(this);
        metrics.Written(ListMetrics.Favorites, ListMetrics.Added, Entries.Length);
        return true;
    }

    public async Task<bool> RemoveAsync(Guid iModelId)
    {
        var remaining = Entries.RemoveAll(entry => entry.IModelId == iModelId);
        var wasFavorite = remaining.Length != Entries.Length;
        state.State.Entries = remaining;
        await state.WriteOrDeactivateAsync(this);
        metrics.Written(ListMetrics.Favorites, ListMetrics.Removed, remaining.Length);
        return wasFavorite;
    }

    public Task ClearAsync() => state.ClearOrDeactivateAsync(this);

    public Task<ImmutableArray<FavoriteIModel>> ListAsync() => Task.FromResult(Entries);
}
