using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Recents.Hosting;

namespace Recents.Api.ClusterClient;

public static class OrleansClientSetup
{
    /// <summary>
    /// Joins the silo cluster as a client, finding gateways through the Azure Table membership the silos
    /// write. Calls time out after <c>Cluster:ResponseTimeout</c> so an outage answers 503 instead of hanging.
    /// </summary>
    public static WebApplicationBuilder AddRecentsClusterClient(this WebApplicationBuilder builder)
    {
        builder.Services.AddClusterConnection();
        builder.Services.AddOptions<ClusterOptions>().Configure<IOptions<ClusterConnectionOptions>>((options, cluster) =>
        {
            options.ServiceId = cluster.Value.ServiceId;
            options.ClusterId = cluster.Value.ClusterId;
        });
        builder.Services.AddOptions<ClientMessagingOptions>().Configure<IOptions<ClusterConnectionOptions>>(
            (options, cluster) => options.ResponseTimeout = cluster.Value.ResponseTimeout);
        builder.UseOrleansClient(client =>
        {
            client.UseAzureStorageClustering(clustering => clustering.Configure<IOptions<ClusterConnectionOptions>>((options, cluster) =>
            {
                options.TableServiceClient = new TableServiceClient(cluster.Value.StorageConnectionString);
                options.TableName = cluster.Value.MembershipTableName;
            }));
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(10));
            client.UseConnectionRetryFilter<ClusterConnectionRetryFilter>();
            client.AddActivityPropagation();
            // Served on the management port (docs/observability.md#dashboard); its live log stream is off: logs have their pipeline.
            client.AddDashboard(dashboard => dashboard.HideTrace = true);
        });
        return builder;
    }
}
