using System.Collections.Immutable;
using Orleans.Concurrency;
using Recents.Gatekeeper;
using Recents.Grains.RecentIModels;

namespace Recents.Grains.FavoriteIModels;

/// <summary>
/// The favorite iModels of one user, keyed by <see cref="UserKey"/>: most recently added first, at most
/// <see cref="FavoritesLimits.Capacity"/>. Every method that may change them returns only once the change is durable.
/// </summary>
[Alias("recents.IFavoriteIModelsGrain")]
public interface IFavoriteIModelsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Adds the iModel in front, or leaves it where it is when it already is a favorite; false, and nothing changed,
    /// when it is not one and there is no room.
    /// </summary>
    [Alias("Add")]
    Task<bool> AddAsync(Guid iModelId, Guid iTwinId);

    /// <summary>Removes the iModel; whether it was a favorite.</summary>
    [Alias("Remove")]
    Task<bool> RemoveAsync(Guid iModelId);

    /// <summary>
    /// Erases the favorites: their stored row is deleted before this returns, and the activation is dropped so no copy
    /// stays in memory. Erasing favorites never stored changes nothing.
    /// </summary>
    [Alias("Clear")]
    Task ClearAsync();

    /// <summary>Every favorite, most recently added first.</summary>
    [Alias("List")]
    [ReadOnly]
    Task<ImmutableArray<FavoriteIModel>> ListAsync();
}
