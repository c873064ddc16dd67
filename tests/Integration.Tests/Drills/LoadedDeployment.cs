using Recents.Integration.Tests.Processes;

namespace Recents.Integration.Tests.Drills;

/// <summary>What most drills break: Azurite, three silos and one API, already carrying the warmed-up drill load.</summary>
internal sealed class LoadedDeployment : IAsyncDisposable
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);

    private LoadedDeployment(AzuriteStorage storage, ServiceCluster cluster, AddLoad load)
    {
        Storage = storage;
        Cluster = cluster;
        Load = load;
    }

    public AzuriteStorage Storage { get; }

    public ServiceCluster Cluster { get; }

    public AddLoad Load { get; }

    public Uri Api => Cluster.ApiAddresses[0];

    public static async Task<LoadedDeployment> StartAsync(string clusterId, DrillWorld world, string workDirectory)
    {
        var storage = await AzuriteStorage.StartAsync(workDirectory);
        var cluster = new ServiceCluster(clusterId, storage, world, workDirectory, siloCount: 3, apiCount: 1);
        try
        {
            await cluster.StartAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            await storage.DisposeAsync();
            throw;
        }

        var deployment = new LoadedDeployment(storage, cluster, AddLoad.Start(world, cluster.ApiAddresses));
        await Task.Delay(Warmup);
        return deployment;
    }

    public async ValueTask DisposeAsync()
    {
        await Load.DisposeAsync();
        await Cluster.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
