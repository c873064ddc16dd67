using System.Net;
using Azure.Data.Tables;
using Orleans.Configuration;
using Recents.Grains.Storage;
using Recents.Hosting;

namespace Recents.Silo;

public static class SiloSetup
{
    public const string GrainStateTable = "RecentsGrainState";

    /// <summary>
    /// A silo of the Recents cluster: grain state and membership in Azure Table storage (Azurite locally),
    /// identity and ports from configuration.
    /// </summary>
    public static IHostApplicationBuilder AddRecentsSilo(this IHostApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterConnectionOptions.SectionName).Get<ClusterConnectionOptions>() ?? new();
        cluster.Validate();
        var endpoints = builder.Configuration.GetSection(SiloEndpointOptions.SectionName).Get<SiloEndpointOptions>() ?? new();
        var tables = new TableServiceClient(cluster.StorageConnectionString);

        builder.UseOrleans(silo =>
        {
            // How fast a crashed silo is declared dead (and a restarted one may join). Defaults suit production.
            silo.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Membership"));
            silo.Configure<ClusterOptions>(options =>
            {
                options.ServiceId = cluster.ServiceId;
                options.ClusterId = cluster.ClusterId;
            });
            silo.ConfigureEndpoints(
                IPAddress.Parse(endpoints.AdvertisedIPAddress), endpoints.SiloPort, endpoints.GatewayPort, endpoints.ListenOnAnyHostAddress);
            silo.UseAzureStorageClustering(options =>
            {
                options.TableServiceClient = tables;
                options.TableName = cluster.MembershipTableName;
            });
            silo.AddRecentsGrainStorage(tables, GrainStateTable);
        });

        // Time for a stopping silo to hand over its activations and finish the calls in flight.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }
}
