using Azure.Data.Tables;
using Orleans.TestingHost;
using Recents.Grains.Storage;
using Recents.Grains.Telemetry;

namespace Recents.Grains.Tests;

/// <summary>
/// A one-silo in-process cluster whose grain state lives in a fresh table of real Azure Table storage, and
/// which can be restarted as a whole on the same ServiceId (so on the same stored state).
/// </summary>
public sealed class AzureTableCluster : IAsyncLifetime
{
    private TableServiceClient? tables;
    private InProcessTestCluster? cluster;

    /// <summary>Stored state is keyed by it; kept across restarts.</summary>
    public string ServiceId { get; } = $"recentsgrainstests{Guid.NewGuid():N}";

    public string TableName { get; } = $"RecentsGrainsTests{Guid.NewGuid():N}";

    public InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster is not started.");

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        tables = new TableServiceClient(TestStorage.ConnectionString());
        cluster = await StartAsync(tables);
    }

    /// <summary>Stops every silo and the client, then starts a new cluster on the same ServiceId and table.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        cluster = await StartAsync(tables ?? throw new InvalidOperationException("The cluster was never started."));
    }

    /// <summary>The stored row of <paramref name="grain"/>'s state, read directly from the table; null when there is none.</summary>
    public async Task<TableEntity?> ReadRowAsync(IAddressable grain, string stateName)
    {
        // As the Orleans Azure Table provider keys it: "{ServiceId}_{GrainId}", with / \ # ? replaced by _.
        var partitionKey = $"{ServiceId}_{grain.GetGrainId()}"
            .Replace('/', '_').Replace('\\', '_').Replace('#', '_').Replace('?', '_');
        var table = (tables ?? throw new InvalidOperationException("The cluster is not started.")).GetTableClient(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, stateName);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>The keys of every row of the table, <c>{PartitionKey}/{RowKey}</c>.</summary>
    public async Task<IReadOnlySet<string>> ReadRowKeysAsync()
    {
        var table = (tables ?? throw new InvalidOperationException("The cluster is not started.")).GetTableClient(TableName);
        var keys = new HashSet<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(select: [nameof(TableEntity.PartitionKey), nameof(TableEntity.RowKey)]))
        {
            keys.Add($"{row.PartitionKey}/{row.RowKey}");
        }

        return keys;
    }

    /// <summary>
    /// Writes <paramref name="grain"/>'s stored row again, unchanged, as another activation of the grain would:
    /// the row gets a new ETag, and the activation's copy is now stale.
    /// </summary>
    public async Task RewriteRowAsync(IAddressable grain, string stateName)
    {
        var row = await ReadRowAsync(grain, stateName) ?? throw new InvalidOperationException("The grain has no stored row.");
        await tables!.GetTableClient(TableName).UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (tables is not null)
        {
            await tables.DeleteTableAsync(TableName);
        }
    }

    private async Task<InProcessTestCluster> StartAsync(TableServiceClient tableService)
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        // The test cluster overrides the silo's ClusterOptions with these.
        builder.Options.ServiceId = ServiceId;
        builder.Options.ClusterId = $"recents-grains-tests-{Guid.NewGuid():N}";
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddRecentsGrainStorage(tableService, TableName);
            silo.Services.AddListMetrics();
        });
        var started = builder.Build();
        await started.DeployAsync();
        return started;
    }

    private async Task StopAsync()
    {
        if (cluster is not null)
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
            cluster = null;
        }
    }
}
