using Recents.Grains.RecentIModels;

namespace Recents.Grains.Tests;

/// <summary>Fresh users and entries, so that tests sharing a cluster never share a list.</summary>
internal static class TestRecents
{
    public static IRecentIModelsGrain NewUsersList(IGrainFactory grains) =>
        grains.GetGrain<IRecentIModelsGrain>(UserKey.FromUserId($"test-user-{Guid.NewGuid()}"));

    /// <summary>The list as an array: ImmutableArray equality compares references, not elements.</summary>
    public static async Task<RecentIModel[]> ListedAsync(IRecentIModelsGrain list) => [.. await list.ListAsync()];

    public static RecentIModel NewEntry() => new(Guid.NewGuid(), Guid.NewGuid());

    public static RecentIModel[] NewEntries(int count) => [.. Enumerable.Range(0, count).Select(_ => NewEntry())];
}
