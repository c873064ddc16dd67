using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Recents.Bench.Alternative.Access;
using Recents.Bench.Alternative.Tests.Infrastructure;
using Recents.Grains.PlatformDirectory;
using Recents.PlatformDirectory;

namespace Recents.Bench.Alternative.Tests;

/// <summary>With the directory cache off, a change to the directory applies to the next request, as docs/api.md#who-may-view-an-imodel asks.</summary>
public sealed class UncachedDirectoryTests(UncachedAlternativeFixture fixture) : IClassFixture<UncachedAlternativeFixture>
{
    [Fact]
    public async Task ARevokedIModel_IsLeftOutOfTheList_AndCannotBeAddedAgain()
    {
        var user = fixture.Directory.NewUser();
        var (kept, revoked) = (fixture.Directory.OpenInA[0], fixture.Directory.OpenInA[1]);
        await fixture.Client.AddAsync(user, kept);
        await fixture.Client.AddAsync(user, revoked);
        Assert.Equal([revoked, kept], (await fixture.Client.ListAsync(user, fixture.Directory.ITwinA)).Ids);

        var store = fixture.Services.GetRequiredService<DirectoryStore>();
        var details = await store.ReadAsync<IModelDetails>(DirectoryKinds.IModel, revoked, CancellationToken.None);
        await store.WriteAsync(DirectoryKinds.IModel, revoked, details! with
        {
            UserPermissions = [new UserPermissions(fixture.Directory.Stranger, ImmutableArray.Create(ViewAccess.ViewPermission))],
        }, CancellationToken.None);

        Assert.Equal([kept], (await fixture.Client.ListAsync(user, fixture.Directory.ITwinA)).Ids);
        Assert.Equal(HttpStatusCode.NotFound, await fixture.Client.AddAsync(user, revoked));
    }

    [Fact]
    public async Task ARemovedMember_NoLongerSeesTheITwin()
    {
        var user = fixture.Directory.NewUser();
        await fixture.Client.AddAsync(user, fixture.Directory.InB[0]);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.ListAsync(user, fixture.Directory.ITwinB)).Status);

        var store = fixture.Services.GetRequiredService<DirectoryStore>();
        var iTwin = await store.ReadAsync<ITwinDetails>(DirectoryKinds.ITwin, fixture.Directory.ITwinB, CancellationToken.None);
        await store.WriteAsync(DirectoryKinds.ITwin, fixture.Directory.ITwinB, iTwin! with
        {
            Members = iTwin.Members.RemoveAll(member => member.UserId == user),
        }, CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.ListAsync(user, fixture.Directory.ITwinB)).Status);
        Assert.Equal(HttpStatusCode.NotFound, await fixture.Client.AddAsync(user, fixture.Directory.InB[0]));
    }
}
