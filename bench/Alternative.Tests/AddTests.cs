using System.Net;
using Recents.Bench.Alternative.Tests.Infrastructure;
using Recents.Grains.RecentIModels;

namespace Recents.Bench.Alternative.Tests;

[Collection(AlternativeCollection.Name)]
public sealed class AddTests(AlternativeFixture fixture)
{
    private TestDirectory Directory => fixture.Directory;

    [Fact]
    public async Task Adds_KeepThe25MostRecent_MostRecentFirst_AndAReAddMovesToTheFront()
    {
        var user = Directory.NewUser();
        var added = Directory.OpenInA.Take(30).ToList();
        foreach (var iModelId in added)
        {
            Assert.Equal(HttpStatusCode.NoContent, await fixture.Client.AddAsync(user, iModelId));
        }

        var (_, afterAdds) = await fixture.Client.ListAsync(user, Directory.ITwinA);
        Assert.Equal(added.AsEnumerable().Reverse().Take(RecentIModelsLimits.Capacity), afterAdds);

        // The 20th added (11th listed) moves to the front; re-adding the front entry changes nothing.
        Assert.Equal(HttpStatusCode.NoContent, await fixture.Client.AddAsync(user, added[19]));
        Assert.Equal(HttpStatusCode.NoContent, await fixture.Client.AddAsync(user, added[19]));
        // An evicted one comes back at the front and evicts the least recent (added[5]).
        Assert.Equal(HttpStatusCode.NoContent, await fixture.Client.AddAsync(user, added[0]));

        List<Guid> expected = [added[0], added[19], .. added.Skip(6).Reverse().Where(id => id != added[19])];
        var (_, afterMoves) = await fixture.Client.ListAsync(user, Directory.ITwinA);
        Assert.Equal(RecentIModelsLimits.Capacity, afterMoves!.Count);
        Assert.Equal(expected, afterMoves);
    }

    [Fact]
    public async Task AnIModelTheCallerMayNotView_Is404_AndNotListed()
    {
        var user = Directory.NewUser();

        Assert.Equal(HttpStatusCode.NotFound, await fixture.Client.AddAsync(user, Directory.SecretInA));
        Assert.Equal(HttpStatusCode.NotFound, await fixture.Client.AddAsync(user, Directory.InC));

        var (status, listed) = await fixture.Client.ListAsync(user, Directory.ITwinA);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(listed!);
    }

    [Fact]
    public async Task AnUnknownIModel_OrAnIdThatIsNotAGuid_Is404()
    {
        var user = Directory.NewUser();

        Assert.Equal(HttpStatusCode.NotFound, await fixture.Client.AddAsync(user, Guid.NewGuid()));
        using var response = await fixture.Client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/imodels/recents/not-a-guid")
        {
            Headers = { Authorization = new("Bearer", fixture.Tokens.For(user)) },
        });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("iModelNotFound", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheUserPermittedOnASecuredIModel_AndTheOrganizationAdministrator_MayAddIt()
    {
        Assert.Equal(HttpStatusCode.NoContent, await fixture.Client.AddAsync(Directory.Stranger, Directory.SecretInA));
        Assert.Equal(HttpStatusCode.NoContent, await fixture.Client.AddAsync(Directory.Administrator, Directory.SecretInA));
        Assert.Equal(HttpStatusCode.NoContent, await fixture.Client.AddAsync(Directory.Administrator, Directory.InC));

        var (_, listed) = await fixture.Client.ListAsync(Directory.Administrator, Directory.ITwinA);
        Assert.Equal([Directory.SecretInA], listed);
    }

    [Fact]
    public async Task Delete_RemovesTheEntry_AndIsIdempotent()
    {
        var user = Directory.NewUser();
        var (first, second) = (Directory.OpenInA[40], Directory.OpenInA[41]);
        await fixture.Client.AddAsync(user, first);
        await fixture.Client.AddAsync(user, second);

        Assert.Equal(HttpStatusCode.NoContent, await fixture.Client.RemoveAsync(user, first));
        Assert.Equal(HttpStatusCode.NoContent, await fixture.Client.RemoveAsync(user, first));
        Assert.Equal(HttpStatusCode.NotFound, await fixture.Client.RemoveAsync(user, Directory.SecretInA));

        var (_, listed) = await fixture.Client.ListAsync(user, Directory.ITwinA);
        Assert.Equal([second], listed);
    }
}
