using Orleans.TestingHost;

namespace Recents.Grains.Tests;

/// <summary>A one-silo in-process cluster on memory storage whose silo records grain calls (<see cref="Recorder"/>).</summary>
public sealed class CallRecordingCluster : IAsyncLifetime
{
    private InProcessTestCluster? cluster;

    public GrainCallRecorder Recorder { get; } = new();

    public IClusterClient Client => (cluster ?? throw new InvalidOperationException("The cluster is not started.")).Client;

    public async Task InitializeAsync() => cluster = await OneSiloCluster.StartAsync(silo => silo.AddIncomingGrainCallFilter(Recorder));

    public Task DisposeAsync() => OneSiloCluster.StopAsync(cluster);
}
