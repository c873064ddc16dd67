using Azure.Data.Tables;
using Recents.Bench.Alternative.Access;

namespace Recents.Bench.Alternative.Storage;

/// <summary>
/// Before the server listens: creates both tables if they are missing, then loads the directory seed file (if
/// any). A failure stops start-up with its message rather than failing requests later.
/// </summary>
public sealed class StorageInitializer(
    [FromKeyedServices(StorageSetup.RecentsTableKey)] TableClient recents,
    [FromKeyedServices(StorageSetup.DirectoryTableKey)] TableClient directory,
    SeedFileLoader seedFileLoader) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await recents.CreateIfNotExistsAsync(cancellationToken);
        await directory.CreateIfNotExistsAsync(cancellationToken);
        await seedFileLoader.LoadAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
