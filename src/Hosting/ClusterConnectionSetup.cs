using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Recents.Hosting;

public static class ClusterConnectionSetup
{
    /// <summary>
    /// Binds <see cref="ClusterConnectionOptions"/> for the silo and the API alike, and stops the host at start, with a
    /// message naming the setting, when the storage connection string is missing (instead of a storage SDK error later).
    /// </summary>
    public static OptionsBuilder<ClusterConnectionOptions> AddClusterConnection(this IServiceCollection services) =>
        services.AddOptions<ClusterConnectionOptions>()
            .BindConfiguration(ClusterConnectionOptions.SectionName)
            .Validate(
                options => !string.IsNullOrWhiteSpace(options.StorageConnectionString),
                $"Set {ClusterConnectionOptions.SectionName}:{nameof(ClusterConnectionOptions.StorageConnectionString)} "
                + $"(environment: {ClusterConnectionOptions.SectionName}__{nameof(ClusterConnectionOptions.StorageConnectionString)}).")
            .ValidateOnStart();
}
