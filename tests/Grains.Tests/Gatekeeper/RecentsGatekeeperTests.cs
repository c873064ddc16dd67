using System.Collections.Immutable;
using Recents.Gatekeeper;
using Recents.Grains.PlatformDirectory;
using Recents.Grains.RecentIModels;
using Recents.PlatformDirectory;
using static Recents.Tests.Shared.DirectoryBuilders;

namespace Recents.Grains.Tests;

/// <summary>
/// The gatekeeper decides on membership first and reads the organization only when that is not enough: these hold that
/// an administrator still gets what only administration grants, and that a member who is not one does not.
/// </summary>
[Collection(MemoryStorageClusterCollection.Name)]
public sealed class RecentsGatekeeperTests(MemoryStorageCluster cluster)
{
    private static readonly Guid Viewer = Guid.Parse("00000000-0000-4000-8000-00000000b001");

    private readonly Guid organizationId = Guid.NewGuid();
    private readonly Guid iTwinId = Guid.NewGuid();
    private readonly Guid openIModel = Guid.NewGuid();
    private readonly Guid iModelForBobOnly = Guid.NewGuid();

    private IRecentsGatekeeperGrain Gatekeeper => cluster.Client.GetGrain<IRecentsGatekeeperGrain>(0);

    [Fact]
    public async Task MemberAndAdministrator_SecuredIModel_IsAddedAndListedThroughAdministration()
    {
        var alice = NewUserId();
        await StoreDirectoryAsync(administrator: alice, Member(alice, Viewer));

        Assert.True(await Gatekeeper.AddAsync(alice, openIModel));
        Assert.True(await Gatekeeper.AddAsync(alice, iModelForBobOnly));

        Assert.Equal([iModelForBobOnly, openIModel], ListedIds(await Gatekeeper.ListAsync(alice, iTwinId)));
    }

    [Fact]
    public async Task MemberNotAdministrator_IModelSecuredForAnotherUser_IsNeitherAddedNorListed()
    {
        var carol = NewUserId();
        await StoreDirectoryAsync(administrator: NewUserId(), Member(carol, Viewer));
        // As if the iModel had been secured after Carol listed it.
        await cluster.Client.GetGrain<IRecentIModelsGrain>(UserKey.FromUserId(carol)).AddAsync(new RecentIModel(iModelForBobOnly, iTwinId));

        Assert.False(await Gatekeeper.AddAsync(carol, iModelForBobOnly));
        Assert.True(await Gatekeeper.AddAsync(carol, openIModel));

        Assert.Equal([openIModel], ListedIds(await Gatekeeper.ListAsync(carol, iTwinId)));
    }

    [Fact]
    public async Task AdministratorNotMember_SeesTheITwin_AndAStrangerDoesNot()
    {
        var (dave, stranger) = (NewUserId(), NewUserId());
        await StoreDirectoryAsync(administrator: dave, Member(NewUserId(), Viewer));

        Assert.True(await Gatekeeper.AddAsync(dave, iModelForBobOnly));

        Assert.Equal([iModelForBobOnly], ListedIds(await Gatekeeper.ListAsync(dave, iTwinId)));
        Assert.Null(await Gatekeeper.ListAsync(stranger, iTwinId));
        Assert.False(await Gatekeeper.AddAsync(stranger, openIModel));
    }

    private async Task StoreDirectoryAsync(string administrator, params ITwinMember[] members)
    {
        await cluster.Client.GetGrain<IOrganizationGrain>(organizationId).SetAsync(Organization(administrator));
        await cluster.Client.GetGrain<IITwinGrain>(iTwinId).SetAsync(
            new ITwinDetails(organizationId, [Role(Viewer, ViewAccess.ViewPermission)], [.. members]));
        Assert.Equal(IModelStoreResult.Stored, await cluster.Client.GetGrain<IIModelGrain>(openIModel).SetAsync(UnsecuredIModel() with { ITwinId = iTwinId }));
        Assert.Equal(IModelStoreResult.Stored, await cluster.Client.GetGrain<IIModelGrain>(iModelForBobOnly).SetAsync(
            IModelWithUserPermissions(UserGrant("bob", ViewAccess.ViewPermission)) with { ITwinId = iTwinId }));
    }

    private static Guid[] ListedIds(ImmutableArray<ViewableIModel>? listed) =>
        [.. Assert.NotNull(listed).Select(iModel => iModel.Id)];

    private static string NewUserId() => $"user-{Guid.NewGuid()}";
}
