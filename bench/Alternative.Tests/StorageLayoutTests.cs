using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Recents.Bench.Alternative.Access;
using Recents.Bench.Alternative.RecentIModels;
using Recents.Bench.Alternative.Tests.Infrastructure;
using Recents.Grains.PlatformDirectory;
using Recents.Grains.RecentIModels;
using Recents.PlatformDirectory;

namespace Recents.Bench.Alternative.Tests;

/// <summary>What the rows in Azure Table look like, read with a plain table client.</summary>
[Collection(AlternativeCollection.Name)]
public sealed class StorageLayoutTests(AlternativeFixture fixture)
{
    [Fact]
    public async Task AUsersList_IsOneRow_KeyedByUserKey_WithTheEntriesMostRecentFirst()
    {
        var user = fixture.Directory.NewUser();
        var (first, second) = (fixture.Directory.OpenInA[30], fixture.Directory.InB[2]);
        await fixture.Client.AddAsync(user, first);
        await fixture.Client.AddAsync(user, second);

        var table = new TableClient(TestStorage.ConnectionString, "AltRecents");
        var rows = await table.QueryAsync<TableEntity>(row => row.PartitionKey == UserKey.FromUserId(user)).ToListAsync();

        var row = Assert.Single(rows);
        Assert.Equal("recents", row.RowKey);
        Assert.Equal(
            [new RecentIModel(second, fixture.Directory.ITwinB), new RecentIModel(first, fixture.Directory.ITwinA)],
            RecentsCodec.Decode(row.GetBinary("Entries")));
    }

    [Fact]
    public async Task DirectoryRows_AreKeyedByIdAndKind_AndHoldTheRecordsJson()
    {
        var table = new TableClient(TestStorage.ConnectionString, "AltDirectory");

        var row = await table.GetEntityAsync<TableEntity>(fixture.Directory.SecretInA.ToString(), DirectoryKinds.IModel);

        var details = JsonSerializer.Deserialize<IModelDetails>(row.Value.GetString("Json"), DirectoryJson.Options)!;
        Assert.Equal(fixture.Directory.ITwinA, details.ITwinId);
        Assert.Equal(fixture.Directory.Stranger, Assert.Single(details.UserPermissions!.Value).UserId);
        Assert.Null(details.RolePermissions);
        Assert.Equal(IModelState.Initialized, details.State);
    }

    [Fact]
    public async Task ARecordPastOneStringProperty_ContinuesInTheNext_AndReadsBackWhole()
    {
        var store = fixture.Services.GetRequiredService<DirectoryStore>();
        var iTwinId = Guid.NewGuid();
        var roleId = Guid.NewGuid();
        var iTwin = new ITwinDetails(
            Guid.NewGuid(),
            [new ITwinRole(roleId, [ViewAccess.ViewPermission])],
            [.. Enumerable.Range(0, 1500).Select(i => new ITwinMember($"a-rather-long-member-name-{i:D5}", [roleId]))]);

        await store.WriteAsync(DirectoryKinds.ITwin, iTwinId, iTwin, CancellationToken.None);

        var row = await new TableClient(TestStorage.ConnectionString, "AltDirectory").GetEntityAsync<TableEntity>(iTwinId.ToString(), DirectoryKinds.ITwin);
        Assert.True(row.Value.ContainsKey("Json3"));
        var read = await store.ReadAsync<ITwinDetails>(DirectoryKinds.ITwin, iTwinId, CancellationToken.None);
        Assert.Equal(iTwin.Members.Select(member => member.UserId), read!.Members.Select(member => member.UserId));
        Assert.Equal(JsonSerializer.Serialize(iTwin, DirectoryJson.Options), JsonSerializer.Serialize(read, DirectoryJson.Options));
    }
}
