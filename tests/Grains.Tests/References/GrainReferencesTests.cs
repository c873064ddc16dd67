using Recents.Grains.RecentIModels;
using Recents.Grains.References;
using Recents.PlatformDirectory;
using static Recents.Grains.Tests.TestRecents;

namespace Recents.Grains.Tests;

[Collection(MemoryStorageClusterCollection.Name)]
public sealed class GrainReferencesTests(MemoryStorageCluster cluster)
{
    [Fact]
    public async Task ReferenceByGuid_Called_ReachesTheGrainGetGrainReaches()
    {
        var id = Guid.NewGuid();
        var details = SampleDirectory.UnsecuredIModel();
        Assert.Equal(IModelStoreResult.Stored, await cluster.Client.GetGrain<IIModelGrain>(id).SetAsync(details));

        var reference = new GrainReferences<IIModelGrain>(cluster.Client).Get(id);

        Assert.Equal(cluster.Client.GetGrain<IIModelGrain>(id).GetGrainId(), reference.GetGrainId());
        DetailsAssert.Equal(details, await reference.GetAsync());
    }

    [Fact]
    public async Task ReferenceByString_Called_ReachesTheGrainGetGrainReaches()
    {
        var key = UserKey.FromUserId($"user-{Guid.NewGuid()}");
        var entry = NewEntry();
        await cluster.Client.GetGrain<IRecentIModelsGrain>(key).AddAsync(entry);

        var reference = new GrainReferences<IRecentIModelsGrain>(cluster.Client).Get(key);

        Assert.Equal(cluster.Client.GetGrain<IRecentIModelsGrain>(key).GetGrainId(), reference.GetGrainId());
        Assert.Equal([entry], await ListedAsync(reference));
    }
}
