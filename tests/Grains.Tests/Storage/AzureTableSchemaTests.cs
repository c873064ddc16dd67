using System.Text;
using Azure.Data.Tables;
using Recents.Paging;
using Recents.PlatformDirectory;
using static Recents.Grains.Tests.TestFavorites;
using static Recents.Grains.Tests.TestRecents;

namespace Recents.Grains.Tests;

/// <summary>
/// Stored rows are written by the Orleans serializer (fields by [Id], types by [Alias] where a type must be
/// named), never as JSON naming .NET types: renaming or moving a state type must not orphan stored data.
/// </summary>
[Collection(AzureTableClusterCollection.Name)]
public sealed class AzureTableSchemaTests(AzureTableCluster storage)
{
    [Fact]
    public async Task RecentsRow_Stored_NamesNoDotnetType()
    {
        var list = NewUsersList(storage.Client);
        await list.AddAsync(NewEntry());

        var row = await storage.ReadRowAsync(list, StateNames.RecentIModels);

        AssertOrleansSerialized(Assert.IsType<TableEntity>(row));
    }

    [Fact]
    public async Task FavoritesRow_Stored_NamesNoDotnetType()
    {
        var favorites = NewUsersFavorites(storage.Client);
        await favorites.AddAsync(Guid.NewGuid(), Guid.NewGuid());

        var row = await storage.ReadRowAsync(favorites, StateNames.FavoriteIModels);

        AssertOrleansSerialized(Assert.IsType<TableEntity>(row));
    }

    [Fact]
    public async Task TokenSigningKeyRow_Stored_NamesNoDotnetType()
    {
        var keyGrain = storage.Client.GetGrain<ITokenSigningKeyGrain>(Random.Shared.NextInt64());
        await keyGrain.GetAsync();

        var row = await storage.ReadRowAsync(keyGrain, StateNames.TokenSigningKey);

        AssertOrleansSerialized(Assert.IsType<TableEntity>(row));
    }

    [Fact]
    public async Task DirectoryRow_Stored_NamesNoDotnetType()
    {
        var details = SampleDirectory.IModel(SampleDirectory.IModelKinds[0]);
        Assert.Equal(IModelStoreResult.Stored, await storage.Client.GetGrain<IIModelGrain>(Guid.NewGuid()).SetAsync(details));

        var row = await storage.ReadRowAsync(storage.Client.GetGrain<IITwinGrain>(details.ITwinId), StateNames.ITwinIModels);

        AssertOrleansSerialized(Assert.IsType<TableEntity>(row));
    }

    [Fact]
    public void StoredKeys_OfEveryGrain_UseThePinnedGrainTypeNames()
    {
        // Stored state is keyed "{ServiceId}_{grain type}_{key}": these names must not change with class names.
        Assert.Equal("recentimodels", NewUsersList(storage.Client).GetGrainId().Type.ToString());
        Assert.Equal("imodel", storage.Client.GetGrain<IIModelGrain>(Guid.NewGuid()).GetGrainId().Type.ToString());
        Assert.Equal("itwin", storage.Client.GetGrain<IITwinGrain>(Guid.NewGuid()).GetGrainId().Type.ToString());
        Assert.Equal("organization", storage.Client.GetGrain<IOrganizationGrain>(Guid.NewGuid()).GetGrainId().Type.ToString());
        Assert.Equal("favoriteimodels", NewUsersFavorites(storage.Client).GetGrainId().Type.ToString());
        Assert.Equal("tokensigningkey", storage.Client.GetGrain<ITokenSigningKeyGrain>(0).GetGrainId().Type.ToString());
    }

    private static void AssertOrleansSerialized(TableEntity row)
    {
        var values = row
            .Where(property => property.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            .Select(property => property.Value)
            .ToList();
        Assert.Contains(values, value => value is byte[] or BinaryData);
        var stored = string.Concat(values.Select(value => value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            BinaryData data => Encoding.UTF8.GetString(data.ToArray()),
            var other => other?.ToString() ?? "",
        }));
        Assert.DoesNotContain("Recents.Grains", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("$type", stored, StringComparison.Ordinal);
    }
}
