using System.Net;
using Azure.Core;
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
        var advertisedAddress = IPAddress.TryParse(endpoints.AdvertisedIPAddress, out var address)
            ? address
            : throw new InvalidOperationException(
                $"{SiloEndpointOptions.SectionName}:{nameof(SiloEndpointOptions.AdvertisedIPAddress)} is not an IP address: '{endpoints.AdvertisedIPAddress}'.");
        var tables = new TableServiceClient(cluster.StorageConnectionString, StorageClientOptions());

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
                advertisedAddress, endpoints.SiloPort, endpoints.GatewayPort, endpoints.ListenOnAnyHostAddress);
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

    /// <summary>
    /// A storage call gives up within about 13 s (3 tries of at most 4 s each), under the API's 15 s grain call
    /// timeout: a stalled storage then fails the grain call (503) instead of blocking the grain for minutes
    /// with the SDK's default 100 s per try.
    /// </summary>
    private static TableClientOptions StorageClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(4);
        return options;
    }
}
