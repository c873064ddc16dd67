using Orleans.TestingHost;

namespace Recents.Grains.Tests;

/// <summary>A one-silo in-process cluster whose grain storage is in memory, shared by the tests of a collection.</summary>
public sealed class MemoryStorageCluster : IAsyncLifetime
{
    private InProcessTestCluster? cluster;

    public IClusterClient Client => (cluster ?? throw new InvalidOperationException("The cluster is not started.")).Client;

    public async Task InitializeAsync() => cluster = await OneSiloCluster.StartAsync();

    public Task DisposeAsync() => OneSiloCluster.StopAsync(cluster);
}
