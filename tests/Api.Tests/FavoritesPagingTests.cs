using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Recents.Api.Tests.Infrastructure;

namespace Recents.Api.Tests;

/// <summary>
/// Paging of <c>GET /imodels/favorites</c> (docs/api.md#favorites): continuation tokens that survive changes between
/// pages and refuse anything this service did not issue for the caller and iTwin, and <c>$skip</c> paging.
/// </summary>
[Collection(RecentsApiCollection.Name)]
public sealed class FavoritesPagingTests(RecentsApiFixture fixture)
{
    private const string TokenParameter = "$continuationToken";

    // ---- the walk -------------------------------------------------------------------------------------

    [Fact]
    public async Task Next_FollowedWhileFavoritesChange_YieldsEveryLastingFavoriteOnceInOrder()
    {
        var favorites = fixture.NewFavoritesUser();
        var home = await fixture.NewDirectory().WithViewer(favorites.User.Id).SaveAsync();
        var other = await fixture.NewDirectory().WithViewer(favorites.User.Id).SaveAsync();
        var initial = await home.AddIModelsConcurrentlyAsync(40);
        var elsewhere = await other.AddIModelsConcurrentlyAsync(12);
        var addedLater = await home.AddIModelsConcurrentlyAsync(12);
        for (var i = 0; i < initial.Count; i++)
        {
            await favorites.AddAllAsync(initial[i]);
            if (i % 10 == 0)
            {
                await favorites.AddAllAsync(elsewhere[i / 10]);
            }
        }

        // The model: newest first, and what happens to each favorite during the walk.
        var expected = initial.Reverse().ToList();
        var removedBeforeReached = new HashSet<Guid>();
        var removedAfterSeen = new HashSet<Guid>();
        var seen = new List<Guid>();
        string? href = $"{FavoritesCaller.Path}?iTwinId={home.ITwinId}&$top=7";
        var pages = 0;
        while (href is not null)
        {
            Assert.True(++pages <= 20, "next links never ended");
            var page = await GetPageAsync(favorites, href);
            var ids = RecentsUser.IdsOf(page);
            Assert.True(ids.Count <= 7, $"A page of {ids.Count} for $top=7.");
            Assert.DoesNotContain(ids, removedBeforeReached.Contains);
            seen.AddRange(ids);
            var links = page.GetProperty("_links");
            Assert.Equal(JsonValueKind.Null, links.GetProperty("prev").ValueKind);
            href = NextHref(links);
            if (href is null)
            {
                break;
            }

            AssertTokenLink(href, home.ITwinId, "7");

            // Between pages: add in both iTwins, remove one seen and one not yet reached, re-add one seen and removed.
            await favorites.AddAllAsync(addedLater[pages - 1], elsewhere[4 + pages]);
            var unreached = expected.Except(seen).Except(removedBeforeReached).Skip(2).FirstOrDefault();
            if (unreached != Guid.Empty)
            {
                await favorites.RemoveAllAsync(unreached);
                removedBeforeReached.Add(unreached);
            }

            var reached = seen[pages - 1];
            await favorites.RemoveAllAsync(reached);
            removedAfterSeen.Add(reached);
            if (pages % 2 == 0)
            {
                await favorites.AddAllAsync(reached);
            }
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(removedBeforeReached.Count >= 4, $"The walk removed only {removedBeforeReached.Count} favorites ahead of it.");
        Assert.Empty(seen.Intersect(removedBeforeReached));
        Assert.Empty(seen.Intersect(elsewhere));
        Assert.All(seen, id => Assert.True(initial.Contains(id) || addedLater.Contains(id), $"{id} was never a favorite in the iTwin."));
        var lasting = expected.Where(id => !removedBeforeReached.Contains(id) && !removedAfterSeen.Contains(id)).ToList();
        Assert.Equal(lasting, seen.Where(lasting.Contains));
        var seenInitial = seen.Where(initial.Contains).ToList();
        Assert.Equal(expected.Where(seenInitial.Contains), seenInitial);
    }

    [Fact]
    public async Task Next_OfTheLastPage_IsNullAlsoWhenItEndsExactlyOnAPage()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(4);
        await favorites.AddAllAsync(ids);

        var first = await favorites.ListBodyAsync(directory.ITwinId, "$top=2");
        var nextHref = NextHref(first.GetProperty("_links")) ?? throw new Xunit.Sdk.XunitException("The first page has no next.");
        var second = await GetPageAsync(favorites, nextHref);

        Assert.Equal([ids[3], ids[2]], RecentsUser.IdsOf(first));
        Assert.Equal([ids[1], ids[0]], RecentsUser.IdsOf(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("_links").GetProperty("next").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("_links").GetProperty("prev").ValueKind);
        AssertLinkOnThisServer(second.GetProperty("_links").GetProperty("self"));
    }

    [Fact]
    public async Task Next_InTokenMode_IsAbsoluteAndRepeatsTheOtherParameters()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        await favorites.AddAllAsync(await directory.AddIModelsAsync(3));

        var page = await favorites.ListBodyAsync(directory.ITwinId, "$top=1", ApiClient.Header("Prefer", "return=representation"));

        var links = page.GetProperty("_links");
        var self = AssertLinkOnThisServer(links.GetProperty("self"));
        Assert.Equal("1", QueryValue(self, "$top"));
        var next = AssertLinkOnThisServer(links.GetProperty("next"));
        Assert.Equal(FavoritesCaller.Path, next.AbsolutePath);
        AssertTokenLink(next.ToString(), directory.ITwinId, "1");
        Assert.Null(QueryValue(next, "Prefer"));
        var second = await GetPageAsync(favorites, next.ToString(), ApiClient.Header("Prefer", "return=representation"));
        Assert.True(Assert.Single(second.GetProperty("iModels").EnumerateArray()).TryGetProperty("createdDateTime", out _));
    }

    [Fact]
    public async Task Token_FromAnotherApiProcess_IsHonoured()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(3);
        await favorites.AddAllAsync(ids);
        var first = await favorites.ListBodyAsync(directory.ITwinId, "$top=2");
        var next = AssertLinkOnThisServer(first.GetProperty("_links").GetProperty("next"));

        var settings = fixture.ClusterSettings.Concat(fixture.Tokens.ApiSettings).Concat(TestRateLimits.Settings);
        await using var secondApi = RecentsApiFixture.StartApi(settings);
        using var http = secondApi.CreateClient();
        using var response = await new ApiClient(http).SendAsync(HttpMethod.Get, next.PathAndQuery, favorites.User.Token);

        Assert.Equal([ids[0]], RecentsUser.IdsOf(await ApiAssert.JsonAsync(response)));
    }

    // ---- tokens refused --------------------------------------------------------------------------------

    [Fact]
    public async Task Token_OfAnotherUser_Is422InvalidContinuationToken()
    {
        var (alice, directory) = await ViewerOfNewITwinAsync();
        var bob = fixture.Favorites(fixture.NewUser("bob"));
        await directory.WithViewer(bob.User.Id).SaveAsync();
        var ids = await directory.AddIModelsAsync(3);
        await alice.AddAllAsync(ids);
        await bob.AddAllAsync(ids);
        var token = await FirstTokenAsync(alice, directory.ITwinId);

        using var response = await bob.ListAsync(directory.ITwinId, $"$top=1&{TokenParameter}={Uri.EscapeDataString(token)}");

        await AssertInvalidTokenAsync(response);
    }

    [Fact]
    public async Task Token_OfAnotherITwin_Is422InvalidContinuationToken()
    {
        var (favorites, first) = await ViewerOfNewITwinAsync();
        var second = await fixture.NewDirectory().WithViewer(favorites.User.Id).SaveAsync();
        await favorites.AddAllAsync(await first.AddIModelsAsync(3));
        await favorites.AddAllAsync(await second.AddIModelsAsync(3));
        var token = await FirstTokenAsync(favorites, first.ITwinId);

        using var response = await favorites.ListAsync(second.ITwinId, $"$top=1&{TokenParameter}={Uri.EscapeDataString(token)}");

        await AssertInvalidTokenAsync(response);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("extended")]
    [InlineData("one character changed")]
    [InlineData("last character changed")]
    public async Task Token_Altered_Is422InvalidContinuationToken(string alteration)
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        await favorites.AddAllAsync(await directory.AddIModelsAsync(3));
        var token = await FirstTokenAsync(favorites, directory.ITwinId);
        var altered = alteration switch
        {
            "truncated" => token[..^1],
            "extended" => token + "A",
            "one character changed" => token[..5] + (token[5] == 'A' ? 'B' : 'A') + token[6..],
            _ => token[..^1] + (token[^1] == 'A' ? 'w' : 'A'),
        };

        using var response = await favorites.ListAsync(directory.ITwinId, $"$top=1&{TokenParameter}={Uri.EscapeDataString(altered)}");

        await AssertInvalidTokenAsync(response);
    }

    [Fact]
    public async Task Token_Empty_AsksForTheFirstPage()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var added = await directory.AddIModelsAsync(3);
        await favorites.AddAllAsync(added);

        var page = await favorites.ListBodyAsync(directory.ITwinId, $"$top=2&{TokenParameter}=");

        var ids = page.GetProperty("iModels").EnumerateArray().Select(item => item.GetProperty("id").GetGuid());
        Assert.Equal(added.AsEnumerable().Reverse().Take(2), ids);
        Assert.NotNull(QueryValue(AssertLinkOnThisServer(page.GetProperty("_links").GetProperty("next")), TokenParameter));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("eyJwb3NpdGlvbiI6MX0")]
    [InlineData("not base64 at all!")]
    public async Task Token_MadeUp_Is422InvalidContinuationToken(string token)
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        await favorites.AddAllAsync(await directory.AddIModelsAsync(2));

        using var response = await favorites.ListAsync(directory.ITwinId, $"{TokenParameter}={Uri.EscapeDataString(token)}");

        await AssertInvalidTokenAsync(response);
    }

    [Fact]
    public async Task Token_WellFormedButSignedWithAnotherKey_Is422InvalidContinuationToken()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        await favorites.AddAllAsync(await directory.AddIModelsAsync(2));
        var forged = RandomNumberGenerator.GetBytes(25);
        forged[0] = 1;
        var token = Base64Url.EncodeToString(forged);
        Assert.Equal((await FirstTokenAsync(favorites, directory.ITwinId)).Length, token.Length);

        using var response = await favorites.ListAsync(directory.ITwinId, $"{TokenParameter}={token}");

        await AssertInvalidTokenAsync(response);
    }

    [Fact]
    public async Task Token_GivenTwice_Is422InvalidContinuationToken()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        await favorites.AddAllAsync(await directory.AddIModelsAsync(3));
        var token = Uri.EscapeDataString(await FirstTokenAsync(favorites, directory.ITwinId));

        using var response = await favorites.ListAsync(directory.ITwinId, $"$top=1&{TokenParameter}={token}&{TokenParameter}={token}");

        await AssertInvalidTokenAsync(response);
    }

    [Theory]
    [InlineData("$skip=0", "$skip")]
    [InlineData("$orderBy=name", "$orderBy")]
    public async Task Token_WithSkipOrOrderBy_Is422NamingTheOtherParameter(string extra, string target)
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        await favorites.AddAllAsync(await directory.AddIModelsAsync(3));
        var token = Uri.EscapeDataString(await FirstTokenAsync(favorites, directory.ITwinId));

        using var response = await favorites.ListAsync(directory.ITwinId, $"$top=1&{TokenParameter}={token}&{extra}");

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "InvalidiModelsRequest");
        var detail = Assert.Single(error.Details());
        Assert.Equal("InvalidValue", detail.GetProperty("code").GetString());
        Assert.Equal(target, detail.Target());
    }

    [Fact]
    public async Task Token_WithSkipAndOrderBy_NamesBoth()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        await favorites.AddAllAsync(await directory.AddIModelsAsync(3));
        var token = Uri.EscapeDataString(await FirstTokenAsync(favorites, directory.ITwinId));

        using var response = await favorites.ListAsync(directory.ITwinId, $"{TokenParameter}={token}&$skip=1&$orderBy=name");

        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "InvalidiModelsRequest");
        ApiAssert.HasDetail(error, "InvalidValue", "$skip");
        ApiAssert.HasDetail(error, "InvalidValue", "$orderBy");
        Assert.Equal(2, error.Details().Count);
    }

    // ---- $skip and $orderBy ----------------------------------------------------------------------------

    [Fact]
    public async Task Skip_PagesByPositionWithSkipLinks()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var ids = await directory.AddIModelsAsync(5);
        await favorites.AddAllAsync(ids);

        var page = await favorites.ListBodyAsync(directory.ITwinId, "$skip=2&$top=2");

        Assert.Equal([ids[2], ids[1]], RecentsUser.IdsOf(page));
        var links = page.GetProperty("_links");
        var next = AssertLinkOnThisServer(links.GetProperty("next"));
        Assert.Equal("4", QueryValue(next, "$skip"));
        Assert.Equal("2", QueryValue(next, "$top"));
        Assert.Null(QueryValue(next, TokenParameter));
        var prev = AssertLinkOnThisServer(links.GetProperty("prev"));
        Assert.Equal("0", QueryValue(prev, "$skip"));
        var last = await GetPageAsync(favorites, next.ToString());
        Assert.Equal([ids[0]], RecentsUser.IdsOf(last));
        Assert.Equal(JsonValueKind.Null, last.GetProperty("_links").GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task OrderBy_SortsAndPagesBySkip()
    {
        var (favorites, directory) = await ViewerOfNewITwinAsync();
        var alpha = await directory.AddIModelAsync(new IModelSpec { Name = "alpha" });
        var bravo = await directory.AddIModelAsync(new IModelSpec { Name = "Bravo" });
        var charlie = await directory.AddIModelAsync(new IModelSpec { Name = "charlie" });
        await favorites.AddAllAsync(bravo, alpha, charlie);

        var seen = new List<Guid>();
        string? href = $"{FavoritesCaller.Path}?iTwinId={directory.ITwinId}&$orderBy=name%20desc&$top=1";
        var pages = 0;
        while (href is not null)
        {
            Assert.True(++pages <= 10, "next links never ended");
            var page = await GetPageAsync(favorites, href);
            seen.AddRange(RecentsUser.IdsOf(page));
            href = NextHref(page.GetProperty("_links"));
            if (href is not null)
            {
                var next = new Uri(href);
                Assert.Equal("name desc", QueryValue(next, "$orderBy"));
                Assert.NotNull(QueryValue(next, "$skip"));
                Assert.Null(QueryValue(next, TokenParameter));
            }
        }

        Assert.Equal([charlie, bravo, alpha], seen);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private async Task<(FavoritesCaller Favorites, DirectoryBuilder Directory)> ViewerOfNewITwinAsync()
    {
        var favorites = fixture.NewFavoritesUser();
        var directory = await fixture.NewDirectory().WithViewer(favorites.User.Id).SaveAsync();
        return (favorites, directory);
    }

    private static async Task<JsonElement> GetPageAsync(FavoritesCaller favorites, string href, Action<HttpRequestMessage>? configure = null)
    {
        using var response = configure is null
            ? await favorites.GetAsync(href)
            : await favorites.ListAsync(href[(href.IndexOf('?', StringComparison.Ordinal) + 1)..], configure);
        return await ApiAssert.JsonAsync(response);
    }

    /// <summary>The token of the <c>next</c> link of the first page at <c>$top=1</c>.</summary>
    private async Task<string> FirstTokenAsync(FavoritesCaller favorites, Guid iTwinId)
    {
        var page = await favorites.ListBodyAsync(iTwinId, "$top=1");
        var next = AssertLinkOnThisServer(page.GetProperty("_links").GetProperty("next"));
        return QueryValue(next, TokenParameter) ?? throw new Xunit.Sdk.XunitException($"No token in {next}.");
    }

    private static async Task AssertInvalidTokenAsync(HttpResponseMessage response)
    {
        var error = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "InvalidiModelsRequest");
        var detail = Assert.Single(error.Details());
        Assert.Equal("InvalidValue", detail.GetProperty("code").GetString());
        Assert.Equal(TokenParameter, detail.Target());
    }

    private string? NextHref(JsonElement links)
    {
        var next = links.GetProperty("next");
        return next.ValueKind == JsonValueKind.Null ? null : AssertLinkOnThisServer(next).ToString();
    }

    private static void AssertTokenLink(string href, Guid iTwinId, string top)
    {
        var uri = new Uri(href);
        Assert.Equal(iTwinId.ToString(), QueryValue(uri, "iTwinId"));
        Assert.Equal(top, QueryValue(uri, "$top"));
        Assert.False(string.IsNullOrEmpty(QueryValue(uri, TokenParameter)), $"No token in {href}.");
        Assert.Null(QueryValue(uri, "$skip"));
    }

    private Uri AssertLinkOnThisServer(JsonElement link)
    {
        Assert.Equal(JsonValueKind.Object, link.ValueKind);
        var href = link.GetProperty("href").GetString();
        Assert.True(Uri.TryCreate(href, UriKind.Absolute, out var uri), $"'{href}' is not an absolute URL.");
        var server = fixture.Api().BaseAddress;
        Assert.Equal(server.Scheme, uri.Scheme);
        Assert.Equal(server.Port, uri.Port);
        Assert.Contains(uri.Host, new[] { server.Host, "localhost", "127.0.0.1" });
        return uri;
    }

    private static string? QueryValue(Uri uri, string name) =>
        uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => Uri.UnescapeDataString(pair[0]) == name)
            .Select(pair => pair.Length == 2 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : "")
            .SingleOrDefault();
}
