using Orleans.TestingHost;
using Recents.Grains.Storage;
using Recents.Grains.Telemetry;

namespace Recents.Grains.Tests;

/// <summary>How the fixtures start and stop a one-silo in-process cluster with grain storage in memory.</summary>
internal static class OneSiloCluster
{
    /// <param name="configureSilo">Applied to the silo after its grain storage and metrics.</param>
    public static async Task<InProcessTestCluster> StartAsync(Action<ISiloBuilder>? configureSilo = null)
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
            configureSilo?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static async Task StopAsync(InProcessTestCluster? cluster)
    {
        if (cluster is not null)
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
