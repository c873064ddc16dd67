using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Recents.Bench.Alternative.Storage;

public static class StorageSetup
{
    public const string RecentsTableKey = "recents";
    public const string DirectoryTableKey = "directory";

    /// <summary>
    /// One <see cref="TableServiceClient"/> for the process (it pools its HTTP connections) and a client per table.
    /// Each storage call gives up within about 13 s (3 tries of at most 4 s), as the Orleans silo's storage does.
    /// </summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.SectionName));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException(
                    $"Set {StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)} (environment: Storage__ConnectionString).");
            }

            var clientOptions = new TableClientOptions();
            clientOptions.Retry.Mode = RetryMode.Exponential;
            clientOptions.Retry.MaxRetries = 2;
            clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
            clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(1);
            clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(4);
            return new TableServiceClient(options.ConnectionString, clientOptions);
        });
        services.AddKeyedSingleton(RecentsTableKey, (provider, _) => provider.GetRequiredService<TableServiceClient>()
            .GetTableClient(provider.GetRequiredService<IOptions<StorageOptions>>().Value.RecentsTable));
        services.AddKeyedSingleton(DirectoryTableKey, (provider, _) => provider.GetRequiredService<TableServiceClient>()
            .GetTableClient(provider.GetRequiredService<IOptions<StorageOptions>>().Value.DirectoryTable));
        return services;
    }
}
