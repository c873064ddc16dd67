using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Recents.Grains.RecentIModels;

/// <summary>
/// The recently used iModels of one user, keyed by <see cref="UserKey"/>. Most recent first, capped at
/// <see cref="RecentIModelsLimits.Capacity"/>. Every method returns only after the change is durable.
/// </summary>
[Alias("recents.IRecentIModelsGrain")]
public interface IRecentIModelsGrain : IGrainWithStringKey
{
    /// <summary>Puts <paramref name="entry"/> at the front, removing an older entry for the same iModel.</summary>
    [Alias("Add")]
    Task AddAsync(RecentIModel entry);

    /// <summary>Removes the iModel if present; removing an absent iModel changes nothing.</summary>
    [Alias("Remove")]
    Task RemoveAsync(Guid iModelId);

    /// <summary>
    /// Erases the list: its stored row is deleted before this returns, and the activation is dropped so no copy stays in
    /// memory. Erasing an empty or never-stored list changes nothing.
    /// </summary>
    [Alias("Clear")]
    Task ClearAsync();

    /// <summary>The whole list, most recently used first.</summary>
    [Alias("List")]
    [ReadOnly]
    Task<ImmutableArray<RecentIModel>> ListAsync();
}
