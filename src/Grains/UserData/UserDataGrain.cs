using Orleans.Concurrency;
using Recents.Grains.FavoriteIModels;
using Recents.Grains.RecentIModels;
using Recents.Grains.References;
using Recents.UserData;

namespace Recents.Grains.UserData;

/// <summary>
/// A user's data as a whole: reads and erases both of the user's list grains. Stateless and reentrant, like the
/// gatekeeper: each silo runs it locally for the calls it receives.
/// </summary>
[StatelessWorker, Reentrant]
[GrainType("userdata")]
public sealed class UserDataGrain(IGrainFactory grains) : Grain, IUserDataGrain
{
    private readonly GrainReferences<IRecentIModelsGrain> recentsGrains = new(grains);
    private readonly GrainReferences<IFavoriteIModelsGrain> favoritesGrains = new(grains);

    public async Task<UserDataExport> ExportAsync(string userId)
    {
        var key = UserKey.FromUserId(userId);
        var recents = recentsGrains.Get(key).ListAsync();
        var favorites = favoritesGrains.Get(key).ListAsync();
        return new UserDataExport(
            [.. (await recents).Select(entry => new UserRecent(entry.IModelId, entry.ITwinId))],
            [.. (await favorites).Select(entry => new UserFavorite(entry.IModelId, entry.ITwinId, entry.Position))]);
    }

    public Task EraseAsync(string userId)
    {
        var key = UserKey.FromUserId(userId);
        return Task.WhenAll(recentsGrains.Get(key).ClearAsync(), favoritesGrains.Get(key).ClearAsync());
    }
}
