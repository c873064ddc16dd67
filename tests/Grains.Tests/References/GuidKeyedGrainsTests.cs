using Recents.Directory;
using Recents.Grains.References;

namespace Recents.Grains.Tests;

[Collection(MemoryStorageClusterCollection.Name)]
public sealed class GuidKeyedGrainsTests(MemoryStorageCluster cluster)
{
    [Fact]
    public async Task A_reference_reaches_the_grain_GetGrain_reaches()
    {
        var id = Guid.NewGuid();
        var details = SampleDirectory.UnsecuredIModel();
        Assert.True(await cluster.Client.GetGrain<IIModelGrain>(id).SetAsync(details));

        var reference = new GuidKeyedGrains<IIModelGrain>(cluster.Client).Get(id);

        Assert.Equal(cluster.Client.GetGrain<IIModelGrain>(id).GetGrainId(), reference.GetGrainId());
        DetailsAssert.Equal(details, await reference.GetAsync());
    }
}
