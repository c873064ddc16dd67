using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Recents.Grains.Storage;

public static class GrainStorageSetup
{
    /// <summary>
    /// The grain storage of this service: Azure Table storage, one row per grain state, written with the
    /// Orleans serializer (see <see cref="UseRecentsStateSerializer"/>).
    /// </summary>
    public static ISiloBuilder AddRecentsGrainStorage(this ISiloBuilder silo, TableServiceClient tables, string tableName) =>
        silo.AddRecentsGrainStorage(_ => tables, tableName);

    /// <summary>The same, with a client that the silo's services provide when the provider starts.</summary>
    public static ISiloBuilder AddRecentsGrainStorage(
        this ISiloBuilder silo, Func<IServiceProvider, TableServiceClient> tables, string tableName)
    {
        silo.AddAzureTableGrainStorage(GrainStorage.Name, options => options.Configure<IServiceProvider>((table, services) =>
        {
            table.TableServiceClient = tables(services);
            table.TableName = tableName;
            // Erasing a user's data deletes its rows instead of leaving empty ones behind.
            table.DeleteStateOnClear = true;
        }));
        return silo.UseRecentsStateSerializer();
    }

    /// <summary>
    /// Stores state with the Orleans serializer instead of the provider's default JSON, which embeds .NET
    /// type names: with it, the <c>[Alias]</c> and <c>[Id]</c> attributes of the state types are the stored
    /// schema, so types can be renamed or moved and fields added without breaking stored data.
    /// </summary>
    public static ISiloBuilder UseRecentsStateSerializer(this ISiloBuilder silo)
    {
        silo.Services.AddKeyedSingleton<IGrainStorageSerializer>(
            GrainStorage.Name, (services, _) => new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()));
        return silo;
    }
}
