using Azure.Data.Tables;
using Orleans.Configuration;
using Recents.Hosting;

namespace Recents.Api.Hosting;

public static class OrleansClientSetup
{
    /// <summary>
    /// Joins the silo cluster as a client, finding gateways through the Azure Table membership the silos
    /// write. Calls time out after <c>Cluster:ResponseTimeout</c> so an outage answers 503 instead of hanging.
    /// </summary>
    public static WebApplicationBuilder AddRecentsClusterClient(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterConnectionOptions.SectionName).Get<ClusterConnectionOptions>() ?? new();
        cluster.Validate();

        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ServiceId = cluster.ServiceId;
                options.ClusterId = cluster.ClusterId;
            });
            client.UseAzureStorageClustering(options =>
            {
                options.TableServiceClient = new TableServiceClient(cluster.StorageConnectionString);
                options.TableName = cluster.MembershipTableName;
            });
            client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = cluster.ResponseTimeout);
            client.Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(10));
            client.UseConnectionRetryFilter<ClusterConnectionRetryFilter>();
        });
        return builder;
    }
}
