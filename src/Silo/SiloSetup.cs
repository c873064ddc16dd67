using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Recents.Grains.Errors;
using Recents.Grains.Storage;
using Recents.Grains.Telemetry;
using Recents.Hosting;
using Recents.Silo.Storage;
using Recents.Silo.Telemetry;
using Orleans.Dashboard;

namespace Recents.Silo;

public static class SiloSetup
{
    public const string GrainStateTable = "RecentsGrainState";

    /// <summary>Binds Orleans <see cref="ClusterMembershipOptions"/>: how fast a crashed silo is declared dead (and a restarted one may join).</summary>
    public const string MembershipSection = "Membership";

    /// <summary>Binds Orleans <see cref="GrainCollectionOptions"/>: how long an idle grain stays active.</summary>
    public const string GrainCollectionSection = "GrainCollection";

    /// <summary>The silo's one Table service client (membership and grain state), a keyed service of the silo.</summary>
    private const string StorageClientKey = "recents-storage";

    /// <summary>
    /// A silo of the Recents cluster: grain state and membership in Azure Table storage (Azurite locally),
    /// identity and ports from configuration.
    /// </summary>
    public static IHostApplicationBuilder AddRecentsSilo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddClusterConnection();
        builder.Services.AddSiloEndpoints();
        builder.Services.AddOptions<ClusterMembershipOptions>().BindConfiguration(MembershipSection);
        builder.Services.AddOptions<GrainCollectionOptions>().BindConfiguration(GrainCollectionSection);
        // Read here, while services are registered, because it decides which storage provider is registered.
        var grainState = builder.Configuration.GetSection(GrainStateOptions.SectionName).Get<GrainStateOptions>() ?? new();

        // Built when the silo first needs it, so that its requests are counted on this host's meter.
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<StorageMetrics>();
        builder.Services.AddListMetrics();
        builder.Services.AddKeyedSingleton(StorageClientKey, (services, _) => new TableServiceClient(
            services.GetRequiredService<IOptions<ClusterConnectionOptions>>().Value.StorageConnectionString,
            StorageClientOptions(services.GetRequiredService<StorageMetrics>())));
        builder.Services.AddOptions<ClusterOptions>().Configure<IOptions<ClusterConnectionOptions>>((options, cluster) =>
        {
            options.ServiceId = cluster.Value.ServiceId;
            options.ClusterId = cluster.Value.ClusterId;
        });

        builder.AddSiloTelemetry();
        builder.UseOrleans(silo =>
        {
            silo.AddActivityPropagation();
            silo.AddSerializableGrainErrors();
            // The dashboard's silo side (its grains and call statistics); the API serves its pages (docs/observability.md#dashboard).
            silo.AddDashboard();
            silo.UseAzureStorageClustering(options => options.Configure<IServiceProvider, IOptions<ClusterConnectionOptions>>(
                (clustering, services, cluster) =>
                {
                    clustering.TableServiceClient = StorageClient(services);
                    clustering.TableName = cluster.Value.MembershipTableName;
                }));
            if (grainState.Kind == GrainStateKind.Memory)
            {
                silo.AddMemoryGrainStorage(GrainStorage.Name).UseRecentsStateSerializer();
            }
            else
            {
                silo.AddRecentsGrainStorage(StorageClient, GrainStateTable);
            }
        });

        if (grainState.Kind == GrainStateKind.Memory)
        {
            builder.Services.AddHostedService<MemoryGrainStateWarning>();
        }

        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SiloActiveLog>();

        // Time for a stopping silo to hand over its activations and finish the calls in flight.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }

    private static TableServiceClient StorageClient(IServiceProvider services) =>
        services.GetRequiredKeyedService<TableServiceClient>(StorageClientKey);

    /// <summary>
    /// A storage call gives up within about 13 s (3 tries of at most 4 s each), under the API's 15 s grain call
    /// timeout: a stalled storage then fails the grain call (503) instead of blocking the grain for minutes
    /// with the SDK's default 100 s per try. Every call and every try is counted (<see cref="StorageMetrics"/>).
    /// </summary>
    public static TableClientOptions StorageClientOptions(StorageMetrics metrics)
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(4);
        metrics.CountRequestsOf(options);
        return options;
    }
}
