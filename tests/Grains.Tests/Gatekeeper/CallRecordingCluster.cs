using Orleans.TestingHost;
using Recents.Grains.Storage;
using Recents.Grains.Telemetry;

namespace Recents.Grains.Tests;

/// <summary>A one-silo in-process cluster on memory storage whose silo records grain calls (<see cref="Recorder"/>).</summary>
public sealed class CallRecordingCluster : IAsyncLifetime
{
    private InProcessTestCluster? cluster;

    public GrainCallRecorder Recorder { get; } = new();

    public IClusterClient Client => (cluster ?? throw new InvalidOperationException("The cluster is not started.")).Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        // The test cluster overrides the silo's ClusterOptions with these.
        builder.Options.ServiceId = $"recents-grains-tests-{Guid.NewGuid():N}";
        builder.Options.ClusterId = $"recents-grains-tests-{Guid.NewGuid():N}";
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name).UseRecentsStateSerializer();
            silo.Services.AddListMetrics();
            silo.AddIncomingGrainCallFilter(Recorder);
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
