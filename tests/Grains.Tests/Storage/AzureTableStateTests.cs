using Recents.Gatekeeper;
using Recents.Grains.FavoriteIModels;
using Recents.Grains.RecentIModels;
using Recents.Paging;
using Recents.PlatformDirectory;
using Recents.Tests.Shared;
using static Recents.Grains.Tests.TestFavorites;
using static Recents.Grains.Tests.TestRecents;

namespace Recents.Grains.Tests;

/// <summary>
/// Every stored state type against real Azure Table storage: what a grain wrote is what a new activation
/// reads, after a deactivation or a restart of the whole cluster (docs/api.md#operations: "204 means the change is durable").
/// </summary>
[Collection(AzureTableClusterCollection.Name)]
public sealed class AzureTableStateTests(AzureTableCluster storage)
{
    private IGrainFactory Grains => storage.Client;

    public static TheoryData<string> IModelKinds => [.. SampleDirectory.IModelKinds];

    [Fact]
    public async Task RecentIModels_FullList_SurvivesDeactivation()
    {
        var list = NewUsersList(Grains);
        var entries = NewEntries(27);
        foreach (var entry in entries)
        {
            await list.AddAsync(entry);
        }

        await storage.Cluster.DeactivateAsync(list);

        Assert.Equal(entries.Skip(2).Reverse(), await ListedAsync(list));
    }

    [Fact]
    public async Task RecentIModels_OfUsersWhoseIdsTableKeysWouldCollapse_AreStoredApart()
    {
        var prefix = Guid.NewGuid();
        var slash = Grains.GetGrain<IRecentIModelsGrain>(UserKey.FromUserId($"{prefix}/x"));
        var underscore = Grains.GetGrain<IRecentIModelsGrain>(UserKey.FromUserId($"{prefix}_x"));
        var (slashEntry, underscoreEntry) = (NewEntry(), NewEntry());
        await slash.AddAsync(slashEntry);
        await underscore.AddAsync(underscoreEntry);

        await storage.Cluster.DeactivateAsync(slash);
        await storage.Cluster.DeactivateAsync(underscore);

        Assert.Equal([slashEntry], await ListedAsync(slash));
        Assert.Equal([underscoreEntry], await ListedAsync(underscore));
    }

    [Fact]
    public async Task RecentIModels_ConcurrentAdds_AreAllStored()
    {
        var (list, entries) = (NewUsersList(Grains), NewEntries(24));
        await Task.WhenAll(entries.Select(entry => Task.Run(() => list.AddAsync(entry))));
        var listed = await ListedAsync(list);

        await storage.Cluster.DeactivateAsync(list);

        Assert.True(listed.ToHashSet().SetEquals(entries), "every concurrently added entry is listed");
        Assert.Equal(listed, await ListedAsync(list));
    }

    [Fact]
    public async Task FavoriteIModels_SurviveDeactivation_WithTheirPositions()
    {
        var favorites = NewUsersFavorites(Grains);
        var (iTwinA, iTwinB) = (Guid.NewGuid(), Guid.NewGuid());
        var ids = NewIds(5);
        for (var i = 0; i < ids.Length; i++)
        {
            await favorites.AddAsync(ids[i], i % 2 == 0 ? iTwinA : iTwinB);
        }

        await favorites.RemoveAsync(ids[2]);
        var stored = await FavoritesAsync(favorites);

        await storage.Cluster.DeactivateAsync(favorites);

        Assert.Equal(stored, await FavoritesAsync(favorites));
        Assert.Equal([ids[4], ids[3], ids[1], ids[0]], stored.Select(entry => entry.IModelId));
    }

    [Fact]
    public async Task FavoriteIModels_LastPosition_SurvivesDeactivation_SoRemovedPositionsAreNotReused()
    {
        var favorites = NewUsersFavorites(Grains);
        var (iTwinId, kept, removed, next) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await favorites.AddAsync(kept, iTwinId);
        await favorites.AddAsync(removed, iTwinId);
        var removedPosition = (await FavoritesAsync(favorites))[0].Position;
        await favorites.RemoveAsync(removed);

        await storage.Cluster.DeactivateAsync(favorites);
        await favorites.AddAsync(next, iTwinId);

        var listed = await FavoritesAsync(favorites);
        Assert.Equal([next, kept], listed.Select(entry => entry.IModelId));
        Assert.True(listed[0].Position > removedPosition, $"position {listed[0].Position} reuses one up to {removedPosition}");
    }

    [Fact]
    public async Task FavoriteIModels_Full_AreStored_AndSurviveDeactivation_StillFull()
    {
        var favorites = NewUsersFavorites(Grains);
        var iTwinId = Guid.NewGuid();
        await FillAsync(favorites, iTwinId);
        var stored = await FavoritesAsync(favorites);

        await storage.Cluster.DeactivateAsync(favorites);

        Assert.Equal(stored, await FavoritesAsync(favorites));
        Assert.Equal(FavoritesLimits.Capacity, stored.Length);
        Assert.False(await favorites.AddAsync(Guid.NewGuid(), iTwinId));
    }

    [Fact]
    public async Task FavoriteIModels_ConcurrentAdds_AreAllStored()
    {
        var (favorites, ids, iTwinId) = (NewUsersFavorites(Grains), NewIds(40), Guid.NewGuid());
        await Task.WhenAll(ids.Select(id => Task.Run(() => favorites.AddAsync(id, iTwinId))));
        var listed = await FavoritesAsync(favorites);

        await storage.Cluster.DeactivateAsync(favorites);

        Assert.True(listed.Select(entry => entry.IModelId).ToHashSet().SetEquals(ids), "every concurrently added iModel is a favorite");
        Assert.Equal(listed, await FavoritesAsync(favorites));
    }

    [Fact]
    public async Task TokenSigningKey_IsTheSameAfterDeactivation()
    {
        var keyGrain = Grains.GetGrain<ITokenSigningKeyGrain>(Random.Shared.NextInt64());
        var key = await keyGrain.GetAsync();

        await storage.Cluster.DeactivateAsync(keyGrain);

        Assert.Equal(32, key.Length);
        Assert.Equal(key, await keyGrain.GetAsync());
    }

    [Fact]
    public async Task Organization_SurvivesDeactivation()
    {
        var organization = Grains.GetGrain<IOrganizationGrain>(Guid.NewGuid());
        var details = SampleDirectory.Organization();
        await organization.SetAsync(details);

        await storage.Cluster.DeactivateAsync(organization);

        DetailsAssert.Equal(details, await organization.GetAsync());
    }

    [Fact]
    public async Task ITwin_SurvivesDeactivation()
    {
        var iTwin = Grains.GetGrain<IITwinGrain>(Guid.NewGuid());
        var details = SampleDirectory.ITwin();
        await iTwin.SetAsync(details);

        await storage.Cluster.DeactivateAsync(iTwin);

        DetailsAssert.Equal(details, await iTwin.GetAsync());
    }

    [Theory]
    [MemberData(nameof(IModelKinds))]
    public async Task IModel_SurvivesDeactivation(string kind)
    {
        var iModel = Grains.GetGrain<IIModelGrain>(Guid.NewGuid());
        var details = SampleDirectory.IModel(kind);
        await iModel.SetAsync(details);

        await storage.Cluster.DeactivateAsync(iModel);
        await storage.Cluster.DeactivateAsync(Grains.GetGrain<IITwinGrain>(details.ITwinId));

        DetailsAssert.Equal(details, await iModel.GetAsync());
    }

    [Fact]
    public async Task ITwinIModels_AsLargeAsAnITwinMayHold_AreStored_AndSurviveDeactivation()
    {
        var iTwinId = Guid.NewGuid();
        var iTwin = Grains.GetGrain<IITwinGrain>(iTwinId);
        var stored = new List<(IIModelGrain Grain, IModelDetails Details)>();
        var last = IModelStoreResult.Stored;
        for (var i = 0; i < 20 && last == IModelStoreResult.Stored; i++)
        {
            var (grain, details) = (Grains.GetGrain<IIModelGrain>(Guid.NewGuid()), LargeIModels.OfAbout(64 * 1024, iTwinId, $"part {i}"));
            last = await grain.SetAsync(details);
            if (last == IModelStoreResult.Stored)
            {
                stored.Add((grain, details));
            }
        }

        await storage.Cluster.DeactivateAsync(iTwin);

        Assert.Equal(IModelStoreResult.ITwinFull, last);
        Assert.True(stored.Count >= 7, $"{stored.Count} iModels of 64 KiB fit; the limit is {ITwinIModelsLimits.MaxSerializedBytes} bytes");
        foreach (var (grain, details) in stored)
        {
            DetailsAssert.Equal(details, await grain.GetAsync());
        }
    }

    [Fact]
    public async Task EveryStateType_SurvivesARestartOfTheWholeCluster()
    {
        var (userKey, organizationId, iTwinId) = (UserKey.FromUserId($"user-{Guid.NewGuid()}"), Guid.NewGuid(), Guid.NewGuid());
        var (entries, organization, iTwin) = (NewEntries(3), SampleDirectory.Organization(), SampleDirectory.ITwin());
        var iModels = SampleDirectory.IModelKinds.ToDictionary(_ => Guid.NewGuid(), SampleDirectory.IModel);
        var keyGrainId = Random.Shared.NextInt64();
        foreach (var entry in entries)
        {
            await Grains.GetGrain<IRecentIModelsGrain>(userKey).AddAsync(entry);
            await Grains.GetGrain<IFavoriteIModelsGrain>(userKey).AddAsync(entry.IModelId, entry.ITwinId);
        }

        var favorites = await FavoritesAsync(Grains.GetGrain<IFavoriteIModelsGrain>(userKey));
        var key = await Grains.GetGrain<ITokenSigningKeyGrain>(keyGrainId).GetAsync();

        await Grains.GetGrain<IOrganizationGrain>(organizationId).SetAsync(organization);
        await Grains.GetGrain<IITwinGrain>(iTwinId).SetAsync(iTwin);
        foreach (var (id, details) in iModels)
        {
            await Grains.GetGrain<IIModelGrain>(id).SetAsync(details);
        }

        await storage.RestartAsync();

        Assert.Equal(entries.Reverse(), await ListedAsync(Grains.GetGrain<IRecentIModelsGrain>(userKey)));
        Assert.Equal(favorites, await FavoritesAsync(Grains.GetGrain<IFavoriteIModelsGrain>(userKey)));
        Assert.Equal(entries.Reverse().Select(entry => entry.IModelId), favorites.Select(entry => entry.IModelId));
        Assert.Equal(key, await Grains.GetGrain<ITokenSigningKeyGrain>(keyGrainId).GetAsync());
        DetailsAssert.Equal(organization, await Grains.GetGrain<IOrganizationGrain>(organizationId).GetAsync());
        DetailsAssert.Equal(iTwin, await Grains.GetGrain<IITwinGrain>(iTwinId).GetAsync());
        foreach (var (id, details) in iModels)
        {
            DetailsAssert.Equal(details, await Grains.GetGrain<IIModelGrain>(id).GetAsync());
        }
    }
}
