using Microsoft.Extensions.Logging;
using Recents.Gatekeeper;
using Recents.Grains.PlatformDirectory;
using Recents.Hosting;
using Recents.PlatformDirectory;
using static Recents.Tests.Shared.DirectoryBuilders;

namespace Recents.Silo.Tests.Storage;

/// <summary>
/// <c>GrainState:Kind=Memory</c> (benchmarks only): adds, lists and the directory work with grain state in silo memory,
/// the silo sends no grain state request to storage (membership stays on Azure Table), and it says so at start.
/// The requests enter through the gatekeeper grain, as the API's do.
/// </summary>
public sealed class MemoryGrainStateTests(MemoryStateSilo silo) : IClassFixture<MemoryStateSilo>
{
    [Fact]
    public async Task AddsListsAndTheDirectory_WithStateInMemory_SendNoStorageRequestButMembership()
    {
        using var storage = new StorageRequests(silo.Services);
        var userId = $"user-{Guid.NewGuid():N}";
        var iTwinId = await StoreITwinWithViewerAsync(userId);
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        foreach (var id in ids)
        {
            Assert.Equal(IModelStoreResult.Stored, await silo.Grains.GetGrain<IIModelGrain>(id).SetAsync(UnsecuredIModel() with { ITwinId = iTwinId }));
        }

        var gatekeeper = silo.Grains.GetGrain<IRecentsGatekeeperGrain>(0);
        foreach (var id in ids.Append(ids[0]))
        {
            Assert.True(await gatekeeper.AddAsync(userId, id));
        }

        var listed = await gatekeeper.ListAsync(userId, iTwinId);
        Assert.Equal([ids[0], ids[2], ids[1]], listed?.Select(iModel => iModel.Id));
        var membership = new ClusterConnectionOptions().MembershipTableName;
        var requests = await storage.SettledAsync();
        Assert.True(requests.All(request => request.Table == membership), $"storage requests: [{string.Join(", ", requests)}]");
    }

    [Fact]
    public void SiloStart_WithStateInMemory_WarnsThatStateIsLostWithTheSilo() =>
        Assert.Contains(silo.Logs.Lines, line =>
            line.Level == LogLevel.Warning
            && line.Message.Contains("GrainState:Kind is Memory", StringComparison.Ordinal)
            && line.Message.Contains("lost when the silo stops", StringComparison.Ordinal));

    /// <summary>A new organization and an iTwin of it in which <paramref name="userId"/> holds a role granting webview.</summary>
    private async Task<Guid> StoreITwinWithViewerAsync(string userId)
    {
        var (organizationId, iTwinId, viewerRoleId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await silo.Grains.GetGrain<IOrganizationGrain>(organizationId).SetAsync(Organization());
        await silo.Grains.GetGrain<IITwinGrain>(iTwinId).SetAsync(
            new ITwinDetails(organizationId, [Role(viewerRoleId, ViewAccess.ViewPermission)], [Member(userId, viewerRoleId)]));
        return iTwinId;
    }
}
