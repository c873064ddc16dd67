using Recents.Directory;
using Recents.RecentIModels;
using static Recents.Grains.Tests.TestRecents;

namespace Recents.Grains.Tests;

/// <summary>
/// Every stored state type against real Azure Table storage: what a grain wrote is what a new activation
/// reads (contract §2: "204 means the change is durable"), writes that change nothing are skipped, and a
/// deleted iModel's row is gone.
/// </summary>
public sealed class AzureTableStateTests(AzureTableCluster storage) : IClassFixture<AzureTableCluster>
{
    /// <summary>Longer than any clock tick of the storage: a write after it would carry a new ETag and Timestamp.</summary>
    private static readonly TimeSpan AfterStorageClockTick = TimeSpan.FromMilliseconds(50);

    private IGrainFactory Grains => storage.Client;

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

    public static TheoryData<string> IModelKinds => ["role permissions", "user permissions", "secured for nobody", "unsecured"];

    [Theory]
    [MemberData(nameof(IModelKinds))]
    public async Task IModel_SurvivesDeactivation(string kind)
    {
        var iModel = Grains.GetGrain<IIModelGrain>(Guid.NewGuid());
        var details = SampleIModel(kind);
        await iModel.SetAsync(details);

        await storage.Cluster.DeactivateAsync(iModel);

        DetailsAssert.Equal(details, await iModel.GetAsync());
    }

    [Fact]
    public async Task EveryStateType_SurvivesARestartOfTheWholeCluster()
    {
        var (userKey, organizationId, iTwinId) = (UserKey.FromUserId($"user-{Guid.NewGuid()}"), Guid.NewGuid(), Guid.NewGuid());
        var iModelIds = IModelKinds.Select(row => (Kind: (string)row[0], Id: Guid.NewGuid())).ToArray();
        var (entries, organization, iTwin) = (NewEntries(3), SampleDirectory.Organization(), SampleDirectory.ITwin());
        foreach (var entry in entries)
        {
            await Grains.GetGrain<IRecentIModelsGrain>(userKey).AddAsync(entry);
        }

        await Grains.GetGrain<IOrganizationGrain>(organizationId).SetAsync(organization);
        await Grains.GetGrain<IITwinGrain>(iTwinId).SetAsync(iTwin);
        var iModels = iModelIds.ToDictionary(iModel => iModel.Id, iModel => SampleIModel(iModel.Kind));
        foreach (var (id, details) in iModels)
        {
            await Grains.GetGrain<IIModelGrain>(id).SetAsync(details);
        }

        await storage.RestartAsync();

        Assert.Equal(entries.Reverse(), await ListedAsync(Grains.GetGrain<IRecentIModelsGrain>(userKey)));
        DetailsAssert.Equal(organization, await Grains.GetGrain<IOrganizationGrain>(organizationId).GetAsync());
        DetailsAssert.Equal(iTwin, await Grains.GetGrain<IITwinGrain>(iTwinId).GetAsync());
        foreach (var (id, details) in iModels)
        {
            DetailsAssert.Equal(details, await Grains.GetGrain<IIModelGrain>(id).GetAsync());
        }
    }

    [Fact]
    public async Task ReAddingTheFrontEntry_DoesNotRewriteTheRow()
    {
        var (list, front) = (NewUsersList(Grains), NewEntry());
        await list.AddAsync(NewEntry());
        await list.AddAsync(front);

        var unchanged = await RowIsUnchangedByAsync(list, StateNames.RecentIModels, () => list.AddAsync(front));

        Assert.True(unchanged, "re-adding the entry already at the front rewrote the stored row");
    }

    [Fact]
    public async Task RemovingAnAbsentIModel_DoesNotRewriteTheRow()
    {
        var list = NewUsersList(Grains);
        await list.AddAsync(NewEntry());

        var unchanged = await RowIsUnchangedByAsync(list, StateNames.RecentIModels, () => list.RemoveAsync(Guid.NewGuid()));

        Assert.True(unchanged, "removing an absent iModel rewrote the stored row");
    }

    [Fact]
    public async Task AddingAnotherEntry_RewritesTheRow()
    {
        var list = NewUsersList(Grains);
        await list.AddAsync(NewEntry());

        var unchanged = await RowIsUnchangedByAsync(list, StateNames.RecentIModels, () => list.AddAsync(NewEntry()));

        Assert.False(unchanged, "a real change must be written (and the row check must see writes)");
    }

    [Fact]
    public async Task RemovingAPresentIModel_RewritesTheRow()
    {
        var (list, entry) = (NewUsersList(Grains), NewEntry());
        await list.AddAsync(NewEntry());
        await list.AddAsync(entry);

        var unchanged = await RowIsUnchangedByAsync(list, StateNames.RecentIModels, () => list.RemoveAsync(entry.IModelId));

        Assert.False(unchanged, "a real change must be written (and the row check must see writes)");
    }

    [Fact]
    public async Task DeletingAnIModel_RemovesItsRow_AndItStaysDeletedAfterDeactivation()
    {
        var iModel = Grains.GetGrain<IIModelGrain>(Guid.NewGuid());
        await iModel.SetAsync(SampleDirectory.IModelWithRolePermissions());
        Assert.NotNull(await storage.ReadRowAsync(iModel, StateNames.IModel));

        await iModel.DeleteAsync();

        Assert.Null(await storage.ReadRowAsync(iModel, StateNames.IModel));
        Assert.Null(await iModel.GetAsync());
        await storage.Cluster.DeactivateAsync(iModel);
        Assert.Null(await iModel.GetAsync());
    }

    [Fact]
    public async Task DeletedIModel_CanBeStoredAgain()
    {
        var iModel = Grains.GetGrain<IIModelGrain>(Guid.NewGuid());
        var details = SampleDirectory.IModelWithUserPermissions();
        await iModel.SetAsync(SampleDirectory.UnsecuredIModel());
        await iModel.DeleteAsync();

        await iModel.SetAsync(details);

        await storage.Cluster.DeactivateAsync(iModel);
        DetailsAssert.Equal(details, await iModel.GetAsync());
    }

    [Fact]
    public async Task DeletingAnIModelNeverStored_StoresNothing()
    {
        var iModel = Grains.GetGrain<IIModelGrain>(Guid.NewGuid());

        await iModel.DeleteAsync();

        Assert.Null(await iModel.GetAsync());
        Assert.Null(await storage.ReadRowAsync(iModel, StateNames.IModel));
    }

    private static IModelDetails SampleIModel(string kind) => kind switch
    {
        "role permissions" => SampleDirectory.IModelWithRolePermissions(),
        "user permissions" => SampleDirectory.IModelWithUserPermissions(),
        "secured for nobody" => SampleDirectory.IModelSecuredForNobody(),
        "unsecured" => SampleDirectory.UnsecuredIModel(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such sample iModel"),
    };

    /// <summary>Whether <paramref name="operation"/> left the grain's stored row exactly as it was (same ETag and Timestamp).</summary>
    private async Task<bool> RowIsUnchangedByAsync(IAddressable grain, string stateName, Func<Task> operation)
    {
        var before = await storage.ReadRowAsync(grain, stateName);
        Assert.NotNull(before);
        await Task.Delay(AfterStorageClockTick);

        await operation();

        var after = await storage.ReadRowAsync(grain, stateName);
        Assert.NotNull(after);
        return after.ETag == before.ETag && after.Timestamp == before.Timestamp;
    }
}
