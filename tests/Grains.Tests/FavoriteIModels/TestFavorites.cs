using Recents.Gatekeeper;
using Recents.Grains.FavoriteIModels;
using Recents.Grains.RecentIModels;

namespace Recents.Grains.Tests;

/// <summary>Fresh users and iModels, so that tests sharing a cluster never share favorites.</summary>
internal static class TestFavorites
{
    public static IFavoriteIModelsGrain NewUsersFavorites(IGrainFactory grains) =>
        grains.GetGrain<IFavoriteIModelsGrain>(UserKey.FromUserId($"test-user-{Guid.NewGuid()}"));

    /// <summary>The favorites as an array: ImmutableArray equality compares references, not elements.</summary>
    public static async Task<FavoriteIModel[]> FavoritesAsync(IFavoriteIModelsGrain favorites) => [.. await favorites.ListAsync()];

    /// <summary>The iModel ids, newest favorite first.</summary>
    public static async Task<Guid[]> FavoriteIdsAsync(IFavoriteIModelsGrain favorites) =>
        [.. (await favorites.ListAsync()).Select(entry => entry.IModelId)];

    public static Guid[] NewIds(int count) => [.. Enumerable.Range(0, count).Select(_ => Guid.NewGuid())];

    /// <summary>Adds <see cref="FavoritesLimits.Capacity"/> iModels one after another, all of one iTwin; the ids in the order added.</summary>
    public static async Task<Guid[]> FillAsync(IFavoriteIModelsGrain favorites, Guid iTwinId)
    {
        var ids = NewIds(FavoritesLimits.Capacity);
        foreach (var id in ids)
        {
            Assert.True(await favorites.AddAsync(id, iTwinId));
        }

        return ids;
    }

    /// <summary>Positions newest first: each strictly below the one before.</summary>
    public static void AssertStrictlyDecreasing(IEnumerable<FavoriteIModel> entries)
    {
        var positions = entries.Select(entry => entry.Position).ToArray();
        for (var i = 1; i < positions.Length; i++)
        {
            Assert.True(positions[i] < positions[i - 1], $"position {positions[i]} at {i} is not below {positions[i - 1]} at {i - 1}");
        }
    }
}
