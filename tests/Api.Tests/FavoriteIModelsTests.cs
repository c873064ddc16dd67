using System.Net;
using System.Text.Json;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>Favorites through HTTP (docs/api.md#favorites): add, list and remove favorite iModels, the cap and the statuses.</summary>
[Collection(RecentsApiCollection.Name)]
public sealed class FavoriteIModelsTests(RecentsApiFixture fixture)
{
    private const string IModelNotFoundMessage = "Requested iModel is not available.";
    private const string ITwinNotFoundMessage = "Requested iTwin is not available.";
    private const int Capacity = 1000;

    // ---- PUT ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Add_WithoutABody_Is204WithNoBodyAndListsIt()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync();

        using var response = await favorites.AddAsync(iModelId);

        await ApiAssert.NoContentAsync(response);
        Assert.Equal([iModelId], await favorites.ListIdsAsync(directory.ITwinId));
    }

    [Theory]
    [InlineData("application/json", "{}")]
    [InlineData("text/plain", "not JSON {")]
    [InlineData("application/octet-stream", "\u0001\u0002")]
    public async Task Add_WithAnyBodyAndContentType_IgnoresThem(string mediaType, string body)
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync();

        using var response = await favorites.AddAsync(iModelId, ApiClient.Body(body, mediaType));

        await ApiAssert.NoContentAsync(response);
        Assert.Equal([iModelId], await favorites.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task List_AfterSeveralAdds_IsMostRecentlyAddedFirst()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(4);

        await favorites.AddAllAsync(ids);

        Assert.Equal(ids.Reverse(), await favorites.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Add_OfAnExistingFavorite_Is204AndKeepsItsPlace()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(3);
        await favorites.AddAllAsync(ids);

        using var again = await favorites.AddAsync(ids[0]);

        await ApiAssert.NoContentAsync(again);
        Assert.Equal([ids[2], ids[1], ids[0]], await favorites.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Add_AfterARemove_PutsTheIModelInFront()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(3);
        await favorites.AddAllAsync(ids);

        await favorites.RemoveAllAsync(ids[0]);
        await favorites.AddAllAsync(ids[0]);

        Assert.Equal([ids[0], ids[2], ids[1]], await favorites.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task List_OfAUserWithSeveralITwins_ShowsOnlyTheFavoritesOfTheITwin()
    {
        var favorites = fixture.NewFavoritesUser();
        var first = await fixture.NewDirectory().WithViewer(favorites.User.Id).SaveAsync();
        var second = await fixture.NewDirectory().WithViewer(favorites.User.Id).SaveAsync();
        var inFirst = await first.AddIModelsAsync(2);
        var inSecond = await second.AddIModelsAsync(2);

        await favorites.AddAllAsync(inFirst[0], inSecond[0], inFirst[1], inSecond[1]);

        Assert.Equal([inFirst[1], inFirst[0]], await favorites.ListIdsAsync(first.ITwinId));
        Assert.Equal([inSecond[1], inSecond[0]], await favorites.ListIdsAsync(second.ITwinId));
    }

    [Fact]
    public async Task List_OfTwoUsers_NeverShowsTheOthersFavorites()
    {
        var alice = fixture.NewFavoritesUser("alice");
        var bob = fixture.NewFavoritesUser("bob");
        var directory = await fixture.NewDirectory().WithViewer(alice.User.Id).WithViewer(bob.User.Id).SaveAsync();
        var ids = await directory.AddIModelsAsync(3);

        await alice.AddAllAsync(ids[0], ids[1]);
        await bob.AddAllAsync(ids[2]);

        Assert.Equal([ids[1], ids[0]], await alice.ListIdsAsync(directory.ITwinId));
        Assert.Equal([ids[2]], await bob.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Add_ConcurrentlyByOneUser_KeepsEveryAdd()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(12);

        await favorites.AddConcurrentlyAsync(ids, parallelism: 12);

        Assert.Equal(ids.Order(), (await favorites.ListIdsAsync(directory.ITwinId)).Order());
    }

    [Fact]
    public async Task FavoritesAndRecents_AreSeparateLists()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var recents = favorites.User;
        var ids = await directory.AddIModelsAsync(3);

        await favorites.AddAllAsync(ids[0], ids[1]);
        await recents.AddAllAsync(ids[2], ids[1]);

        Assert.Equal([ids[1], ids[0]], await favorites.ListIdsAsync(directory.ITwinId));
        Assert.Equal([ids[1], ids[2]], await recents.ListIdsAsync(directory.ITwinId));

        await favorites.RemoveAllAsync(ids[1]);
        using (var removedRecent = await recents.RemoveAsync(ids[2]))
        {
            await ApiAssert.NoContentAsync(removedRecent);
        }

        Assert.Equal([ids[0]], await favorites.ListIdsAsync(directory.ITwinId));
        Assert.Equal([ids[1]], await recents.ListIdsAsync(directory.ITwinId));
    }

    // ---- DELETE -------------------------------------------------------------------------------------

    [Fact]
    public async Task Remove_OfAFavorite_Is204WithNoBodyAndRemovesOnlyIt()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(3);
        await favorites.AddAllAsync(ids);

        using var response = await favorites.RemoveAsync(ids[1]);

        await ApiAssert.NoContentAsync(response);
        Assert.Equal([ids[2], ids[0]], await favorites.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Remove_RepeatedOrOfAViewableIModelNeverAdded_Is204()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var favorite = await directory.AddIModelAsync();
        var neverAdded = await directory.AddIModelAsync();
        await favorites.AddAllAsync(favorite);

        await favorites.RemoveAllAsync(favorite, favorite, neverAdded);

        Assert.Empty(await favorites.ListIdsAsync(directory.ITwinId));
    }

    // ---- PUT and DELETE: iModelNotFound -------------------------------------------------------------

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("12345")]
    [InlineData("00000000-0000-0000-0000-00000000000g")]
    public async Task AddAndRemove_OfANonGuidId_Are404IModelNotFound(string id)
    {
        var favorites = fixture.NewFavoritesUser();

        using var added = await favorites.AddAsync(id);
        await AssertIModelNotFoundAsync(added);
        using var removed = await favorites.RemoveAsync(id);
        await AssertIModelNotFoundAsync(removed);
    }

    [Fact]
    public async Task AddAndRemove_OfAnUnknownIModel_Are404IModelNotFound()
    {
        var favorites = fixture.NewFavoritesUser();

        using var added = await favorites.AddAsync(Guid.NewGuid());
        await AssertIModelNotFoundAsync(added);
        using var removed = await favorites.RemoveAsync(Guid.NewGuid());
        await AssertIModelNotFoundAsync(removed);
    }

    [Fact]
    public async Task AddAndRemove_OfAnIModelTheCallerMayNotViewAndNeverAdded_Are404IModelNotFound()
    {
        var outsider = fixture.NewFavoritesUser("outsider");
        var directory = await fixture.NewDirectory().WithViewer(fixture.NewUser().Id).SaveAsync();
        var iModelId = await directory.AddIModelAsync();

        using var added = await outsider.AddAsync(iModelId);
        await AssertIModelNotFoundAsync(added);
        using var removed = await outsider.RemoveAsync(iModelId);
        await AssertIModelNotFoundAsync(removed);
    }

    [Fact]
    public async Task Add_Refused_LeavesTheFavoritesUnchanged()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var favorite = await directory.AddIModelAsync();
        await favorites.AddAllAsync(favorite);

        using var refused = await favorites.AddAsync(Guid.NewGuid());

        await AssertIModelNotFoundAsync(refused);
        Assert.Equal([favorite], await favorites.ListIdsAsync(directory.ITwinId));
    }

    // ---- the cap --------------------------------------------------------------------------------------

    [Fact]
    public async Task Add_BeyondTheCapAcrossITwins_Is409UntilOneIsRemoved()
    {
        var favorites = fixture.NewFavoritesUser();
        var directories = new List<DirectoryBuilder>();
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var directory = await fixture.NewDirectory().WithViewer(favorites.User.Id).SaveAsync();
            directories.Add(directory);
            ids.AddRange(await directory.AddIModelsConcurrentlyAsync(Capacity / 4));
        }

        var extra = await directories[0].AddIModelAsync();
        await favorites.AddConcurrentlyAsync(ids);
        var before = await ListAllAsync(favorites, directories);
        Assert.Equal(Capacity, before.Sum(list => list.Count));

        using (var refused = await favorites.AddAsync(extra))
        {
            var error = await ApiAssert.ErrorAsync(refused, HttpStatusCode.Conflict, "FavoritesLimitReached");
            Assert.Contains("1000", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await ListAllAsync(favorites, directories));

        using (var existing = await favorites.AddAsync(ids[0]))
        {
            await ApiAssert.NoContentAsync(existing);
        }

        await favorites.RemoveAllAsync(ids[^1]);
        await favorites.AddAllAsync(extra);

        var after = await favorites.ListIdsAsync(directories[0].ITwinId);
        Assert.Equal(extra, after[0]);
        Assert.Equal(Capacity / 4 + 1, after.Count);
        Assert.DoesNotContain(ids[^1], await favorites.ListIdsAsync(directories[3].ITwinId));
        using var full = await favorites.AddAsync(ids[^1]);
        await ApiAssert.ErrorAsync(full, HttpStatusCode.Conflict, "FavoritesLimitReached");
    }

    // ---- GET: 422 and 404 -----------------------------------------------------------------------------

    [Theory]
    [InlineData("")]
    [InlineData("iTwinId=")]
    [InlineData("$top=10")]
    public async Task List_WithoutITwinId_Is422MissingRequiredParameter(string query)
    {
        var favorites = fixture.NewFavoritesUser();

        using var response = await favorites.ListAsync(query);

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "InvalidiModelsRequest");
        ApiAssert.HasDetail(error, "MissingRequiredParameter", "iTwinId");
        Assert.Single(error.Details());
    }

    [Theory]
    [InlineData("iTwinId", "not-a-guid")]
    [InlineData("$top", "0")]
    [InlineData("$top", "1001")]
    [InlineData("$top", "abc")]
    [InlineData("$skip", "-1")]
    [InlineData("$orderBy", "displayName")]
    public async Task List_WithAnInvalidValue_Is422InvalidValueNamingIt(string parameter, string value)
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var query = parameter == "iTwinId"
            ? $"iTwinId={value}"
            : $"iTwinId={directory.ITwinId}&{parameter}={Uri.EscapeDataString(value)}";

        using var response = await favorites.ListAsync(query);

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "InvalidiModelsRequest");
        var detail = Assert.Single(error.Details());
        Assert.Equal("InvalidValue", detail.GetProperty("code").GetString());
        Assert.Equal(parameter, detail.Target());
    }

    [Fact]
    public async Task List_OfAnUnknownITwin_Is404ITwinNotFound()
    {
        var favorites = fixture.NewFavoritesUser();

        using var response = await favorites.ListAsync(Guid.NewGuid());

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "iTwinNotFound");
        Assert.Equal(ITwinNotFoundMessage, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task List_OfAnITwinTheCallerIsNotAMemberOf_Is404ITwinNotFound()
    {
        var outsider = fixture.NewFavoritesUser("outsider");
        var directory = await fixture.NewDirectory().WithViewer(fixture.NewUser().Id).SaveAsync();

        using var response = await outsider.ListAsync(directory.ITwinId);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "iTwinNotFound");
    }

    // ---- GET: body and Prefer ---------------------------------------------------------------------

    [Fact]
    public async Task List_Empty_Is200WithNoItemsAndNoPrevOrNext()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();

        using var response = await favorites.ListAsync(directory.ITwinId);

        var page = await ApiAssert.JsonAsync(response);
        Assert.Equal(ApiAssert.ITwinPlatformV2, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["_links", "iModels"], page.PropertyNames());
        Assert.Equal(["next", "prev", "self"], page.GetProperty("_links").PropertyNames());
        Assert.Empty(page.GetProperty("iModels").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("_links").GetProperty("prev").ValueKind);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("_links").GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("return=minimal")]
    [InlineData("respond-async")]
    public async Task List_MinimalItems_AreExactlyIdAndDisplayName(string? prefer)
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec { Name = "Bridge model", Description = "A bridge" });
        await favorites.AddAllAsync(iModelId);

        var page = await favorites.ListBodyAsync(directory.ITwinId, configure: prefer is null ? null : ApiClient.Header("Prefer", prefer));

        var item = Assert.Single(page.GetProperty("iModels").EnumerateArray());
        Assert.Equal(["displayName", "id"], item.PropertyNames());
        Assert.Equal(iModelId, item.GetProperty("id").GetGuid());
        Assert.Equal("Bridge model", item.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task List_Representation_CarriesEveryFieldOfTheIModel()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync(new IModelSpec
        {
            Name = "Plant model",
            Description = "Cooling tower",
            State = "notInitialized",
            DataCenterLocation = "West Europe",
        });
        await favorites.AddAllAsync(iModelId);

        var page = await favorites.ListBodyAsync(directory.ITwinId, configure: ApiClient.Header("Prefer", "return=representation"));

        var item = Assert.Single(page.GetProperty("iModels").EnumerateArray());
        Assert.Equal(
            ["createdDateTime", "dataCenterLocation", "description", "displayName", "extent", "iTwinId", "id", "isSecured", "name", "state"],
            item.PropertyNames());
        Assert.Equal("Plant model", item.GetProperty("name").GetString());
        Assert.Equal("Cooling tower", item.GetProperty("description").GetString());
        Assert.Equal("notInitialized", item.GetProperty("state").GetString());
        Assert.Equal(directory.ITwinId, item.GetProperty("iTwinId").GetGuid());
        Assert.Equal("West Europe", item.GetProperty("dataCenterLocation").GetString());
    }

    [Fact]
    public async Task List_AcceptingJson_IsPlainJson()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();

        using var response = await favorites.ListAsync(directory.ITwinId, configure: ApiClient.Accept("application/json"));

        await ApiAssert.JsonAsync(response);
        Assert.Equal(ApiAssert.Json, response.Content.Headers.ContentType?.MediaType);
    }

    // ---- common rules: 406 and 401 ----------------------------------------------------------------

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("GET")]
    public async Task Operations_WithAnUnacceptableAccept_Are406AndChangeNothing(string method)
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync();
        if (method == "DELETE")
        {
            await favorites.AddAllAsync(iModelId);
        }

        var path = method == "GET" ? $"{FavoritesCaller.Path}?iTwinId={directory.ITwinId}" : $"{FavoritesCaller.Path}/{iModelId}";
        using var response = await fixture.Api().SendAsync(
            new HttpMethod(method), path, favorites.User.Token, ApiClient.Accept("application/vnd.bentley.itwin-platform.v1+json"));

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.NotAcceptable, "InvalidHeaderValue");
        Assert.Equal("Accept", error.Target());
        IReadOnlyList<Guid> unchanged = method == "DELETE" ? [iModelId] : [];
        Assert.Equal(unchanged, await favorites.ListIdsAsync(directory.ITwinId));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("GET")]
    public async Task Operations_WithoutAToken_Are401HeaderNotFound(string method)
    {
        var path = method == "GET" ? $"{FavoritesCaller.Path}?iTwinId={Guid.NewGuid()}" : $"{FavoritesCaller.Path}/{Guid.NewGuid()}";

        using var response = await fixture.Api().SendAsync(new HttpMethod(method), path);

        await ApiAssert.UnauthorizedAsync(response, credentialsSent: false);
    }

    [Fact]
    public async Task Add_WithAnAdminScopedToken_Is401()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var iModelId = await directory.AddIModelAsync();

        using var response = await fixture.Api().SendAsync(
            HttpMethod.Put, $"{FavoritesCaller.Path}/{iModelId}", fixture.Tokens.ForAdmin(favorites.User.Id));

        await ApiAssert.UnauthorizedAsync(response, credentialsSent: true);
        Assert.Empty(await favorites.ListIdsAsync(directory.ITwinId));
    }

    [Fact]
    public async Task Favorites_OtherMethod_Is405InEnvelope()
    {
        var favorites = fixture.NewFavoritesUser();

        using var response = await fixture.Api().SendAsync(HttpMethod.Post, $"{FavoritesCaller.Path}/{Guid.NewGuid()}", favorites.User.Token);

        await ApiAssert.ErrorAsync(response, HttpStatusCode.MethodNotAllowed, "MethodNotAllowed");
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private async Task<(FavoritesCaller Favorites, DirectoryBuilder Directory)> ViewerOfNewITwinAsync()
    {
        var favorites = fixture.NewFavoritesUser();
        var directory = await fixture.NewDirectory().WithViewer(favorites.User.Id).SaveAsync();
        return (favorites, directory);
    }

    private static async Task<List<IReadOnlyList<Guid>>> ListAllAsync(FavoritesCaller favorites, IEnumerable<DirectoryBuilder> directories)
    {
        var lists = new List<IReadOnlyList<Guid>>();
        foreach (var directory in directories)
        {
            lists.Add(await favorites.ListIdsAsync(directory.ITwinId));
        }

        return lists;
    }

    private static async Task AssertIModelNotFoundAsync(HttpResponseMessage response)
    {
        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.NotFound, "iModelNotFound");
        Assert.Equal(IModelNotFoundMessage, error.GetProperty("message").GetString());
    }
}
