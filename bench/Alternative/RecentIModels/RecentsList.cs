using Recents.Grains.RecentIModels;

namespace Recents.Bench.Alternative.RecentIModels;

/// <summary>The list rules, as pure functions: most recent first, no duplicates, at most <see cref="RecentIModelsLimits.Capacity"/>.</summary>
public static class RecentsList
{
    /// <summary>Puts <paramref name="entry"/> first, dropping an older entry for the same iModel and whatever passes the capacity.</summary>
    public static IReadOnlyList<RecentIModel> MoveToFront(IReadOnlyList<RecentIModel> entries, RecentIModel entry) =>
        [entry, .. entries.Where(existing => existing.IModelId != entry.IModelId).Take(RecentIModelsLimits.Capacity - 1)];

    /// <summary>The list without <paramref name="iModelId"/>, or null when it was not listed (nothing to write).</summary>
    public static IReadOnlyList<RecentIModel>? Remove(IReadOnlyList<RecentIModel> entries, Guid iModelId) =>
        entries.Any(entry => entry.IModelId == iModelId) ? entries.Where(entry => entry.IModelId != iModelId).ToList() : null;
}
