using Recents.Integration.Tests.Processes;

namespace Recents.Integration.Tests.Drills;

/// <summary>What most drills break: Azurite, three silos and one API, already carrying the warmed-up drill load.</summary>
internal sealed class LoadedDeployment : IAsyncDisposable
{
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(5);

    private LoadedDeployment(AzuriteStorage storage, FaultProxy? storageProxy, ServiceCluster cluster, AddLoad load)
    {
        Storage = storage;
        StorageProxy = storageProxy;
        Cluster = cluster;
        Load = load;
    }

    public AzuriteStorage Storage { get; }

    /// <summary>The proxy every process reaches storage through, when the deployment was started with one.</summary>
    public FaultProxy? StorageProxy { get; }

    public ServiceCluster Cluster { get; }

    public AddLoad Load { get; }

    public Uri Api => Cluster.ApiAddresses[0];

    /// <param name="storageThroughProxy">The silos and the API reach Azurite through a <see cref="FaultProxy"/> (<see cref="StorageProxy"/>).</param>
    public static async Task<LoadedDeployment> StartAsync(string clusterId, DrillWorld world, string workDirectory, bool storageThroughProxy = false)
    {
        var storage = await AzuriteStorage.StartAsync(workDirectory);
        var proxy = storageThroughProxy ? FaultProxy.Start(storage.EndPoint) : null;
        Func<int, ProcessPlacement>? throughProxy = proxy is null ? null : _ => ProcessPlacement.Loopback(AzuriteConnection.For(proxy.EndPoint));
        var cluster = new ServiceCluster(clusterId, storage, world, workDirectory, siloCount: 3, apiCount: 1, throughProxy, throughProxy);
        try
        {
            await cluster.StartAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            await DisposeAsync(proxy);
            await storage.DisposeAsync();
            throw;
        }

        var deployment = new LoadedDeployment(storage, proxy, cluster, AddLoad.Start(world, cluster.ApiAddresses));
        await Task.Delay(Warmup);
        return deployment;
    }

    public async ValueTask DisposeAsync()
    {
        await Load.DisposeAsync();
        await Cluster.DisposeAsync();
        await DisposeAsync(StorageProxy);
        await Storage.DisposeAsync();
    }

    private static async ValueTask DisposeAsync(FaultProxy? proxy)
    {
        if (proxy is not null)
        {
            await proxy.DisposeAsync();
        }
    }
}
