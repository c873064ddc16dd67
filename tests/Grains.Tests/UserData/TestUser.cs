using Recents.Grains.FavoriteIModels;
using Recents.Grains.RecentIModels;
using Recents.UserData;

namespace Recents.Grains.Tests;

/// <summary>A user with recents and favorites stored through their own grains, as the gatekeeper would store them.</summary>
internal sealed record TestUser(string Id, UserRecent[] Recents, UserFavorite[] Favorites)
{
    public static async Task<TestUser> WithDataAsync(IGrainFactory grains, int recents = 3, int favorites = 2)
    {
        var id = $"test-user-{Guid.NewGuid()}";
        var key = UserKey.FromUserId(id);
        var added = new List<UserRecent>();
        for (var i = 0; i < recents; i++)
        {
            var entry = new RecentIModel(Guid.NewGuid(), Guid.NewGuid());
            await grains.GetGrain<IRecentIModelsGrain>(key).AddAsync(entry);
            added.Insert(0, new UserRecent(entry.IModelId, entry.ITwinId));
        }

        var favored = new List<UserFavorite>();
        for (var i = 0; i < favorites; i++)
        {
            var (iModelId, iTwinId) = (Guid.NewGuid(), Guid.NewGuid());
            await grains.GetGrain<IFavoriteIModelsGrain>(key).AddAsync(iModelId, iTwinId);
            favored.Insert(0, new UserFavorite(iModelId, iTwinId, i + 1));
        }

        return new TestUser(id, [.. added], [.. favored]);
    }

    public IRecentIModelsGrain RecentsGrain(IGrainFactory grains) => grains.GetGrain<IRecentIModelsGrain>(UserKey.FromUserId(Id));

    public IFavoriteIModelsGrain FavoritesGrain(IGrainFactory grains) => grains.GetGrain<IFavoriteIModelsGrain>(UserKey.FromUserId(Id));

    public static IUserDataGrain UserData(IGrainFactory grains) => grains.GetGrain<IUserDataGrain>(0);

    /// <summary>Asserts that the user's export holds exactly what was stored, in order.</summary>
    public async Task AssertExportedAsync(IGrainFactory grains)
    {
        var exported = await UserData(grains).ExportAsync(Id);
        Assert.Equal(Recents, exported.Recents);
        Assert.Equal(Favorites, exported.Favorites);
    }

    public static async Task AssertEmptyAsync(IGrainFactory grains, string userId)
    {
        var exported = await UserData(grains).ExportAsync(userId);
        Assert.Empty(exported.Recents);
        Assert.Empty(exported.Favorites);
        var key = UserKey.FromUserId(userId);
        Assert.Empty(await grains.GetGrain<IRecentIModelsGrain>(key).ListAsync());
        Assert.Empty(await grains.GetGrain<IFavoriteIModelsGrain>(key).ListAsync());
    }
}
