using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Recents.Bench.Alternative.Tests.Infrastructure;

namespace Recents.Bench.Alternative.Tests;

[Collection(AlternativeCollection.Name)]
public sealed class ListTests(AlternativeFixture fixture)
{
    private TestDirectory Directory => fixture.Directory;

    [Fact]
    public async Task ListsOnlyTheRequestedITwin_MostRecentFirst()
    {
        var user = Directory.NewUser();
        var (a0, a1, a2) = (Directory.OpenInA[50], Directory.OpenInA[51], Directory.OpenInA[52]);
        var (b0, b1) = (Directory.InB[0], Directory.InB[1]);
        foreach (var iModelId in new[] { a0, b0, a1, b1, a2 })
        {
            Assert.Equal(HttpStatusCode.NoContent, await fixture.Client.AddAsync(user, iModelId));
        }

        Assert.Equal([a2, a1, a0], (await fixture.Client.ListAsync(user, Directory.ITwinA)).Ids);
        Assert.Equal([b1, b0], (await fixture.Client.ListAsync(user, Directory.ITwinB)).Ids);
    }

    [Fact]
    public async Task AnITwinTheCallerCannotSee_OrThatDoesNotExist_Is404()
    {
        var user = Directory.NewUser();

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.ListAsync(user, Directory.ITwinC)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.ListAsync(user, Guid.NewGuid())).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client.ListAsync(Directory.Stranger, Directory.ITwinA)).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.ListAsync(Directory.Administrator, Directory.ITwinC)).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?iTwinId=not-a-guid")]
    [InlineData("?iTwinId=5a1ce3f0-0000-4000-8000-000000000001&$top=0")]
    [InlineData("?iTwinId=5a1ce3f0-0000-4000-8000-000000000001&$skip=-1")]
    public async Task AnInvalidQuery_Is422(string query)
    {
        using var response = await fixture.Client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/imodels/recents{query}")
        {
            Headers = { Authorization = new("Bearer", fixture.Tokens.For(Directory.NewUser())) },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task TopAndSkip_GiveAPage_WithAbsoluteLinks()
    {
        var user = Directory.NewUser();
        var added = Directory.OpenInA.Skip(53).Take(5).ToList();
        foreach (var iModelId in added)
        {
            await fixture.Client.AddAsync(user, iModelId);
        }

        var (status, body) = await fixture.Client.ListBodyAsync(user, Directory.ITwinA, "&$top=2&$skip=1");

        Assert.Equal(HttpStatusCode.OK, status);
        using (body)
        {
            var ids = body!.RootElement.GetProperty("iModels").EnumerateArray().Select(item => item.GetProperty("id").GetGuid());
            Assert.Equal([added[3], added[2]], ids);
            var links = body.RootElement.GetProperty("_links");
            var prev = links.GetProperty("prev").GetProperty("href").GetString()!;
            var next = links.GetProperty("next").GetProperty("href").GetString()!;
            Assert.StartsWith(fixture.Client.Http.BaseAddress!.ToString(), prev, StringComparison.Ordinal);
            Assert.Equal(("0", "2", Directory.ITwinA.ToString()), Paging(prev));
            Assert.Equal(("3", "2", Directory.ITwinA.ToString()), Paging(next));
        }
    }

    private static (string? Skip, string? Top, string? ITwinId) Paging(string href)
    {
        var query = QueryHelpers.ParseQuery(new Uri(href).Query);
        return (query["$skip"], query["$top"], query["iTwinId"]);
    }

    [Fact]
    public async Task PreferRepresentation_GivesTheFullIModel_MinimalGivesIdAndDisplayName()
    {
        var user = Directory.NewUser();
        var iModelId = Directory.OpenInA[58];
        await fixture.Client.AddAsync(user, iModelId);

        var (_, minimal) = await fixture.Client.ListBodyAsync(user, Directory.ITwinA);
        var (_, full) = await fixture.Client.ListBodyAsync(user, Directory.ITwinA, prefer: "return=representation");

        using (minimal)
        using (full)
        {
            var summary = minimal!.RootElement.GetProperty("iModels")[0];
            Assert.Equal(["id", "displayName"], summary.EnumerateObject().Select(property => property.Name));
            Assert.Equal(Directory.NameOf(iModelId), summary.GetProperty("displayName").GetString());

            var item = full!.RootElement.GetProperty("iModels")[0];
            Assert.Equal(Directory.NameOf(iModelId), item.GetProperty("name").GetString());
            Assert.Equal("initialized", item.GetProperty("state").GetString());
            Assert.Equal(Directory.ITwinA, item.GetProperty("iTwinId").GetGuid());
            Assert.False(item.GetProperty("isSecured").GetBoolean());
            Assert.Equal(46.78, item.GetProperty("extent").GetProperty("southWest").GetProperty("latitude").GetDouble());
            Assert.Equal("East US", item.GetProperty("dataCenterLocation").GetString());
        }
    }
}
