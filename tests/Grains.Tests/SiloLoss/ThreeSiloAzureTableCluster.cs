using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Recents.Grains.Storage;
using Recents.Grains.Telemetry;
using Recents.Hosting;

namespace Recents.Grains.Tests;

/// <summary>
/// Three in-process silos whose grain state lives in a fresh table of real Azure Table storage, so that it
/// outlives any one silo (memory grain storage would die with its silo), whose membership declares a crashed
/// silo dead within seconds instead of Orleans' default tens of seconds, and whose silos can be crashed (see
/// <see cref="SiloCrashes"/>). One per test: tests lose silos.
/// </summary>
public sealed class ThreeSiloAzureTableCluster : IAsyncDisposable
{
    public const short SiloCount = 3;

    /// <summary>
    /// Probes every second; two missed probes make a suspicion. Each silo probes both others, and a silo is
    /// declared dead on two votes, both survivors' (an indirect probe through the other survivor brings that
    /// one's vote along); Orleans requires votes &lt;= probed silos and needs no more than half the active
    /// silos' votes anyway. A silo that missed a gossip reads the (in-process) table every 2 s.
    /// </summary>
    private static void FastFailureDetection(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.NumProbedSilos = 2;
        options.NumVotesForDeathDeclaration = 2;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
    }

    private readonly TableServiceClient tables;
    private readonly string tableName;
    private readonly string serviceId;
    private SiloCrashes crashes;

    private ThreeSiloAzureTableCluster(TableServiceClient tables, string tableName, string serviceId, SiloCrashes crashes, InProcessTestCluster cluster)
    {
        this.tables = tables;
        this.tableName = tableName;
        this.serviceId = serviceId;
        this.crashes = crashes;
        Cluster = cluster;
    }

    /// <summary>The running cluster; a new one after <see cref="RestartAsync"/>.</summary>
    public InProcessTestCluster Cluster { get; private set; }

    public IClusterClient Client => Cluster.Client;

    public static async Task<ThreeSiloAzureTableCluster> StartAsync()
    {
        var tables = new TableServiceClient(TestStorage.ConnectionString());
        var tableName = $"RecentsSiloLossTests{Guid.NewGuid():N}";
        var serviceId = $"recentssilolosstests{Guid.NewGuid():N}";
        var (cluster, crashes) = await DeployAsync(tables, tableName, serviceId);
        return new ThreeSiloAzureTableCluster(tables, tableName, serviceId, crashes, cluster);
    }

    /// <summary>
    /// Stops every silo and the client, then starts three new silos on the same ServiceId and table, so on the same
    /// stored state: what survives this is durable, not a copy in some silo's memory.
    /// </summary>
    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        (Cluster, crashes) = await DeployAsync(tables, tableName, serviceId);
    }

    private static async Task<(InProcessTestCluster Cluster, SiloCrashes Crashes)> DeployAsync(
        TableServiceClient tables, string tableName, string serviceId)
    {
        var builder = new InProcessTestClusterBuilder(SiloCount);
        // The test cluster overrides the silo's ClusterOptions with these.
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = $"recents-silo-loss-tests-{Guid.NewGuid():N}";
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddRecentsGrainStorage(tables, tableName);
            silo.Services.AddListMetrics();
            silo.Configure<ClusterMembershipOptions>(FastFailureDetection);
        });
        // Calls time out as the API's do (Cluster:ResponseTimeout), not after the client's default 30 s.
        builder.ConfigureClient(client => client.Configure<ClientMessagingOptions>(
            options => options.ResponseTimeout = new ClusterConnectionOptions().ResponseTimeout));
        var crashes = new SiloCrashes();
        crashes.Install(builder);
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            await tables.DeleteTableAsync(tableName);
            throw;
        }

        return (cluster, crashes);
    }

    /// <summary>Kills <paramref name="silo"/> as a crash would (see <see cref="SiloCrashes"/>).</summary>
    public Task CrashAsync(InProcessSiloHandle silo) => crashes.CrashAsync(Cluster, silo);

    /// <summary>The silo that holds an activation of <paramref name="grain"/>, among the silos still running; null when none does.</summary>
    public SiloAddress? HostOf(IAddressable grain) =>
        Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.Address.SiloAddress : null;

    /// <summary>How <paramref name="observer"/>'s membership currently sees <paramref name="silo"/>.</summary>
    public static SiloStatus StatusOf(SiloAddress silo, InProcessSiloHandle observer) =>
        observer.ServiceProvider.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.GetSiloStatus(silo);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Cluster.StopAllSilosAsync();
            await Cluster.DisposeAsync();
        }
        finally
        {
            await tables.DeleteTableAsync(tableName);
        }
    }
}
